package org.healthycities.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.knowledge.internal.KnowledgeItem.Facet;
import org.healthycities.knowledge.internal.KnowledgeSearch.FacetCount;
import org.healthycities.knowledge.internal.KnowledgeSearch.Query;
import org.healthycities.knowledge.internal.KnowledgeSearch.Result;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search and item pages as every reader gets them (the secretariat, a member's contact, the public page): one
 * model, links under the reader's own base path, the words found marked.
 */
@Component
class KnowledgePages {

    /** A facet's value as a link that narrows to it (or widens again, when chosen). */
    public record FacetLink(String label, long count, boolean chosen, String href) {
    }

    public record FacetView(String name, String legend, List<FacetLink> values) {
    }

    /** A result line with its title and passage as HTML: escaped text, the words found in mark. */
    public record HitView(long id, String kind, String titleHtml, String textHtml, String memberName, String region, int year,
                   String contactName, String contactEmail, boolean shared, boolean published, String href) {
    }

    private final KnowledgeSearch search;
    private final KnowledgeService service;
    private final MessageSource messages;

    KnowledgePages(KnowledgeSearch search, KnowledgeService service, MessageSource messages) {
        this.search = search;
        this.service = service;
        this.messages = messages;
    }

    static Query query(String q, Map<String, String> params, String sort, int page) {
        return new Query(q, params, "date".equals(sort), page);
    }

    String search(Reader reader, String base, Query query, Locale locale, Model model) {
        Result result = search.search(reader, query);
        List<HitView> hits = result.page().getContent().stream().map(h -> new HitView(h.id(),
                text("knowledge.kind." + h.kind(), locale), Marks.html(h.title(), result.words()),
                Marks.html(h.text(), result.words()), h.memberName(), h.region(), h.year(), h.contactName(),
                h.contactEmail(), h.shared(), h.published(), base + "/items/" + h.id())).toList();
        List<FacetView> facets = new ArrayList<>();
        result.facets().forEach((name, values) -> {
            if (!values.isEmpty()) {
                facets.add(new FacetView(name, text("knowledge.facet." + name, locale),
                        values.stream().map(v -> link(base, query, name, v, locale)).toList()));
            }
        });
        model.addAttribute("base", base);
        model.addAttribute("q", query.text());
        model.addAttribute("sort", query.byDate() ? "date" : "relevance");
        model.addAttribute("filters", query.filters());
        model.addAttribute("result", result);
        model.addAttribute("hits", hits);
        model.addAttribute("facets", facets);
        model.addAttribute("reader", reader);
        model.addAttribute("previous", page(base, query, query.page() - 1));
        model.addAttribute("next", page(base, query, query.page() + 1));
        return "knowledge/search";
    }

    String item(Reader reader, String base, KnowledgeItem item, Locale locale, Model model) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (Facet f : Facet.values()) {
            List<String> labels = item.tags(f).stream().map(t -> service.label(t, locale)).toList();
            if (!labels.isEmpty()) {
                tags.put(text("knowledge.facet." + facetName(f), locale), labels);
            }
        }
        model.addAttribute("base", base);
        model.addAttribute("item", item);
        model.addAttribute("kind", text("knowledge.kind." + item.getKind(), locale));
        model.addAttribute("tags", tags);
        model.addAttribute("reader", reader);
        model.addAttribute("similar", search.moreLikeThis(reader, item, 5).stream()
                .map(h -> new HitView(h.id(), text("knowledge.kind." + h.kind(), locale), Marks.html(h.title(), List.of()),
                        "", h.memberName(), h.region(), h.year(), null, null, h.shared(), h.published(),
                        base + "/items/" + h.id())).toList());
        return "knowledge/item";
    }

    private static String facetName(Facet f) {
        return switch (f) {
            case GOAL -> "goal";
            case SDG -> "sdg";
            case SIX_P -> "sixP";
            case THEME_GROUP -> "themeGroup";
        };
    }

    private FacetLink link(String base, Query query, String facet, FacetCount v, Locale locale) {
        boolean chosen = v.code().equals(query.filters().get(facet));
        Map<String, String> filters = new LinkedHashMap<>(query.filters());
        if (chosen) {
            filters.remove(facet);
        } else {
            filters.put(facet, v.code());
        }
        String label = switch (facet) {
            case "kind" -> text("knowledge.kind." + v.code(), locale);
            case "sdg" -> service.label(new KnowledgeItem.ItemTag(Facet.SDG, v.code(), v.label()), locale);
            case "sixP" -> service.label(new KnowledgeItem.ItemTag(Facet.SIX_P, v.code(), v.label()), locale);
            default -> v.label();
        };
        return new FacetLink(label, v.count(), chosen, href(base, new Query(query.text(), filters, query.byDate(), 0)));
    }

    private static String page(String base, Query query, int page) {
        return page < 0 ? null : href(base, new Query(query.text(), query.filters(), query.byDate(), page));
    }

    static String href(String base, Query query) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        if (!query.text().isBlank()) {
            b.queryParam("q", query.text());
        }
        query.filters().forEach(b::queryParam);
        if (query.byDate()) {
            b.queryParam("sort", "date");
        }
        if (query.page() > 0) {
            b.queryParam("page", query.page());
        }
        return b.encode().build().toUriString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
