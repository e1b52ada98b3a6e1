package org.healthycities.knowledge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.knowledge.internal.KnowledgeItem.Kind;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One search box over the items' own text and their documents' text (the database's FULLTEXT indexes, MySQL and
 * MariaDB alike), narrowed by facets whose counts say how many of the found items each value would keep, sorted
 * by relevance or by date, a page at a time, and always within what the reader may see.
 */
@Repository
class KnowledgeSearch {

    static final int PAGE_SIZE = 20;
    /** Words shorter than this are not in an InnoDB FULLTEXT index (innodb_ft_min_token_size). */
    static final int MIN_WORD = 3;
    static final int MAX_WORDS = 10;
    /** The facets, as the page's parameters name them. */
    static final List<String> FILTERS = List.of("kind", "goal", "sdg", "sixP", "themeGroup", "region", "year");
    private static final Map<String, String> TAG_FACETS = Map.of("goal", "GOAL", "sdg", "SDG", "sixP", "SIX_P",
            "themeGroup", "THEME_GROUP");
    private static final int SNIPPET = 240;

    /** What was asked: the text as typed, one value per facet at most, the order, the page. */
    public record Query(String text, Map<String, String> filters, boolean byDate, int page) {

        public Query {
            text = text == null ? "" : text;
            Map<String, String> kept = new LinkedHashMap<>();
            for (String f : FILTERS) {
                String v = filters == null ? null : filters.get(f);
                if (v != null && !v.isBlank() && v.length() <= 100) {
                    kept.put(f, v.strip());
                }
            }
            filters = Map.copyOf(kept);
            page = Math.max(0, page);
        }

        Query withoutFilters() {
            return new Query(text, Map.of(), byDate, 0);
        }
    }

    /** One found item as the result list shows it; text is its passage around the first word found. */
    public record Hit(long id, Kind kind, String title, String text, String memberName, String region, int year,
               String contactName, String contactEmail, boolean shared, boolean published) {
    }

    public record FacetCount(String code, String label, long count) {
    }

    /** Why nothing was searched: the words were too short, or all too common to be in the index. */
    public enum Problem { TOO_SHORT, ONLY_COMMON_WORDS }

    public record Result(Page<Hit> page, List<String> words, Map<String, List<FacetCount>> facets, Problem problem,
                  boolean cut) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private volatile Set<String> stopwords;

    KnowledgeSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The found ids are written once into a temporary table of the connection (one FULLTEXT pass), which the count,
     * the page and each facet's counts then read; MySQL reads a temporary table only once per statement, so the
     * facets are one statement each. In one transaction, so every statement has the same connection.
     */
    @Transactional
    Result search(Reader reader, Query query) {
        PageRequest request = PageRequest.of(query.page(), PAGE_SIZE);
        List<String> typed = words(query.text());
        List<String> words = typed.stream().filter(w -> !stopwords().contains(w)).limit(MAX_WORDS).toList();
        boolean cut = typed.size() > MAX_WORDS;
        if (words.isEmpty() && !query.text().isBlank()) {
            return new Result(Page.empty(request), List.of(), Map.of(),
                    typed.isEmpty() ? Problem.TOO_SHORT : Problem.ONLY_COMMON_WORDS, false);
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        jdbc.getJdbcTemplate().execute("CREATE TEMPORARY TABLE knowledge_hits (id BIGINT NOT NULL PRIMARY KEY,"
                + " score DOUBLE NOT NULL) ENGINE=MEMORY");
        try {
            jdbc.update("INSERT INTO knowledge_hits (id, score) " + hits(reader, words, params), params);
            String filters = filters(query, null, params);
            Long total = jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_hits h JOIN knowledge_item k ON k.id = h.id"
                    + " WHERE " + filters, params, Long.class);
            String order = query.byDate() || words.isEmpty() ? "k.year DESC, k.updated_at DESC, k.id DESC"
                    : "h.score DESC, k.year DESC, k.id DESC";
            params.addValue("word", words.isEmpty() ? "" : words.get(0)).addValue("limit", PAGE_SIZE)
                    .addValue("offset", request.getOffset());
            List<Hit> hits = jdbc.query("SELECT " + COLUMNS + " FROM knowledge_hits h JOIN knowledge_item k ON k.id = h.id"
                    + " WHERE " + filters + " ORDER BY " + order + " LIMIT :limit OFFSET :offset", params, hit(words));
            return new Result(new PageImpl<>(hits, request, total == null ? 0 : total), words, facets(query, params),
                    null, cut);
        } finally {
            jdbc.getJdbcTemplate().execute("DROP TEMPORARY TABLE IF EXISTS knowledge_hits");
        }
    }

    /** Items like this one by their words, that the reader may see, best first. */
    List<Hit> moreLikeThis(Reader reader, KnowledgeItem item, int max) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String text = (item.getTitle() + " " + (item.getBody() == null ? "" : item.getBody())).strip();
        params.addValue("text", text.length() > 1000 ? text.substring(0, 1000) : text).addValue("id", item.getId())
                .addValue("limit", max).addValue("word", "");
        return jdbc.query("SELECT " + COLUMNS + " FROM knowledge_item k WHERE " + reader.where(params)
                + " AND k.id <> :id AND MATCH (k.title, k.body, k.results) AGAINST (:text)"
                + " ORDER BY MATCH (k.title, k.body, k.results) AGAINST (:text) DESC, k.id DESC LIMIT :limit", params,
                hit(List.of()));
    }

    private static final String COLUMNS = """
            k.id, k.kind, k.title, LEFT(k.body, 4000) AS body, LEFT(k.results, 2000) AS results, k.member_name, k.region,
            k.year, k.contact_name, k.contact_email, k.shared, k.public_since IS NOT NULL AS published,
            (SELECT SUBSTRING(d.extracted_text, GREATEST(1, LOCATE(:word, d.extracted_text) - 80), %d) FROM document d
             WHERE d.id = k.document_id) AS document_text""".formatted(SNIPPET);

    /** The ids the reader may see that have every word (in the item's text, or in its document's), with a score. */
    private static String hits(Reader reader, List<String> words, MapSqlParameterSource params) {
        String scope = reader.where(params);
        if (words.isEmpty()) {
            return "SELECT k.id, 0 AS score FROM knowledge_item k WHERE " + scope;
        }
        params.addValue("match", words.stream().map(w -> "+" + w + "*").collect(Collectors.joining(" ")));
        return "SELECT id, SUM(score) AS score FROM ("
                + "SELECT k.id, MATCH (k.title, k.body, k.results) AGAINST (:match IN BOOLEAN MODE) AS score"
                + " FROM knowledge_item k WHERE " + scope
                + " AND MATCH (k.title, k.body, k.results) AGAINST (:match IN BOOLEAN MODE)"
                // the documents found first, then their items by index: left to itself the optimizer may read every
                // item for every document found (seen on MariaDB after a bulk load: seconds instead of milliseconds)
                + " UNION ALL SELECT k.id, MATCH (d.extracted_text) AGAINST (:match IN BOOLEAN MODE)"
                + " FROM document d STRAIGHT_JOIN knowledge_item k ON k.document_id = d.id WHERE " + scope
                + " AND MATCH (d.extracted_text) AGAINST (:match IN BOOLEAN MODE)) m GROUP BY id";
    }

    /** The chosen facets as conditions on {@code k}, all but {@code except} (whose own counts must not narrow). */
    private static String filters(Query query, String except, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        query.filters().forEach((facet, value) -> {
            if (facet.equals(except)) {
                return;
            }
            String name = "f_" + facet;
            params.addValue(name, value);
            if (TAG_FACETS.containsKey(facet)) {
                where.add("EXISTS (SELECT 1 FROM knowledge_tag t WHERE t.item_id = k.id AND t.facet = '"
                        + TAG_FACETS.get(facet) + "' AND t.code = :" + name + ")");
            } else if (facet.equals("year")) {
                params.addValue(name, value.matches("\\d{4}") ? Integer.parseInt(value) : -1);
                where.add("k.year = :" + name);
            } else {
                where.add("k." + facet + " = :" + name);
            }
        });
        return String.join(" AND ", where);
    }

    /** Every facet's values with how many of the found items (under the other facets chosen) have each. */
    private Map<String, List<FacetCount>> facets(Query query, MapSqlParameterSource params) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        FILTERS.forEach(f -> facets.put(f, new ArrayList<>()));
        boolean narrowed = !query.filters().isEmpty();
        if (!narrowed) {
            // nothing chosen: every tag facet counts the same found items, in one pass over their tags
            Map<String, String> byFacet = new HashMap<>();
            TAG_FACETS.forEach((name, facet) -> byFacet.put(facet, name));
            jdbc.query("SELECT t.facet, t.code, MIN(t.label), COUNT(*) FROM knowledge_hits h"
                    + " JOIN knowledge_tag t ON t.item_id = h.id GROUP BY t.facet, t.code", params, rs -> {
                facets.get(byFacet.get(rs.getString(1))).add(new FacetCount(rs.getString(2), rs.getString(3), rs.getLong(4)));
            });
        }
        for (String facet : FILTERS) {
            if (!narrowed && TAG_FACETS.containsKey(facet)) {
                continue;
            }
            String where = filters(query, facet, params);
            String sql;
            if (TAG_FACETS.containsKey(facet)) {
                sql = "SELECT t.code, MIN(t.label), COUNT(*) FROM knowledge_hits h JOIN knowledge_item k ON k.id = h.id"
                        + " JOIN knowledge_tag t ON t.item_id = k.id AND t.facet = '" + TAG_FACETS.get(facet) + "' WHERE "
                        + where + " GROUP BY t.code";
            } else {
                String column = facet.equals("year") ? "CAST(k.year AS CHAR)" : "k." + facet;
                sql = "SELECT " + column + ", " + column + ", COUNT(*) FROM knowledge_hits h JOIN knowledge_item k"
                        + " ON k.id = h.id WHERE " + where + " AND k." + facet + " IS NOT NULL GROUP BY " + column;
            }
            facets.get(facet).addAll(jdbc.query(sql, params,
                    (rs, i) -> new FacetCount(rs.getString(1), rs.getString(2), rs.getLong(3))));
        }
        facets.values().forEach(values -> values.sort(Comparator.comparing(FacetCount::count).reversed()
                .thenComparing(FacetCount::label, Comparator.nullsLast(String::compareTo))));
        return facets;
    }

    private static RowMapper<Hit> hit(List<String> words) {
        return (rs, i) -> {
            String document = rs.getString("document_text");
            String text = passage(words, rs.getString("body"), rs.getString("results"), document);
            return new Hit(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"), text,
                    rs.getString("member_name"), rs.getString("region"), rs.getInt("year"), rs.getString("contact_name"),
                    rs.getString("contact_email"), rs.getBoolean("shared"), rs.getBoolean("published"));
        };
    }

    /** The passage around the first word found in the item's texts (the first text's start without one). */
    static String passage(List<String> words, String... texts) {
        String first = null;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            first = first == null ? text : first;
            int at = Marks.firstMatch(text, words);
            if (at >= 0) {
                return window(text, at);
            }
        }
        return first == null ? "" : window(first, 0);
    }

    private static String window(String text, int at) {
        int start = Math.max(0, at - 80);
        int end = Math.min(text.length(), start + SNIPPET);
        return (start > 0 ? "…" : "") + text.substring(start, end).strip() + (end < text.length() ? "…" : "");
    }

    /** The query's words, letters and digits only (so nothing in it is a FULLTEXT operator), long enough to be indexed. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        String q = query.length() > 2000 ? query.substring(0, 2000) : query;
        return Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= MIN_WORD && w.length() <= 84).distinct().toList();
    }

    /** The index's stop words (InnoDB's default list): a query of only these would find nothing. */
    private Set<String> stopwords() {
        Set<String> known = stopwords;
        if (known == null) {
            try {
                known = Set.copyOf(jdbc.getJdbcTemplate().queryForList(
                        "SELECT value FROM INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD", String.class));
            } catch (DataAccessException notThere) {
                known = Set.of();
            }
            stopwords = known;
        }
        return known;
    }
}
