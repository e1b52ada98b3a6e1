package org.healthycities.knowledge.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.UploadResult;
import org.healthycities.exports.ExportTable;
import org.healthycities.knowledge.internal.KnowledgeItem.Facet;
import org.healthycities.knowledge.internal.KnowledgeItem.ItemTag;
import org.healthycities.knowledge.internal.KnowledgeItem.Kind;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Tag;
import org.healthycities.network.ThemeGroup;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The knowledge bank's items: read as the reader may, added by hand, published by the secretariat, exported. */
@Service
public class KnowledgeService {

    static final String DOCUMENT_OWNER = "knowledge";

    private final KnowledgeItemRepository items;
    private final NetworkDirectory networks;
    private final MemberService members;
    private final DocumentService documents;
    private final NetworkClock time;
    private final Clock clock;
    private final MessageSource messages;

    KnowledgeService(KnowledgeItemRepository items, NetworkDirectory networks, MemberService members,
                     DocumentService documents, NetworkClock time, Clock clock, MessageSource messages) {
        this.items = items;
        this.networks = networks;
        this.members = members;
        this.documents = documents;
        this.time = time;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    Optional<KnowledgeItem> item(Reader reader, long id) {
        return items.findById(id).filter(reader::maySee);
    }

    /** What an item may be tagged with in a network: the goals of its strategies, SDGs, 6 Ps, its theme groups. */
    public record Options(List<StrategicGoal> goals, List<Tag> sdgs, List<Tag> sixPs, List<ThemeGroup> themeGroups,
                   List<Member> members) {
    }

    @Transactional(readOnly = true)
    Options options(String networkId, boolean withMembers) {
        List<StrategicGoal> goals = networks.currentStrategy(networkId).map(s -> s.getGoals()).orElse(List.of());
        return new Options(goals, networks.sdgs(), networks.sixPs(),
                networks.themeGroups(networkId).stream().filter(ThemeGroup::isActive).toList(),
                withMembers ? members.activeMembers(networkId, time.today(networkId)) : List.of());
    }

    int thisYear(String networkId) {
        return time.today(networkId).getYear();
    }

    /**
     * Adds a good practice by hand, for the reader's member (a contact) or the member the secretariat chose; the
     * upload was read before the transaction. Refusals land in errors by field, and nothing is stored then.
     */
    @Transactional
    Optional<KnowledgeItem> add(Reader reader, String networkId, PracticeForm form, ReadUpload upload, Errors errors) {
        Options options = options(networkId, reader.isSecretariat());
        Set<ItemTag> tags = new LinkedHashSet<>();
        for (String id : form.getGoals()) {
            options.goals().stream().filter(g -> g.getId().toString().equals(id)).findFirst().ifPresentOrElse(
                    g -> tags.add(new ItemTag(Facet.GOAL, id, g.getPosition() + ". " + g.getTitle())),
                    () -> errors.rejectValue("goals", "knowledge.form.tag.unknown"));
        }
        tag(form.getSdgs(), options.sdgs(), Facet.SDG, "sdgs", tags, errors);
        tag(form.getSixPs(), options.sixPs(), Facet.SIX_P, "sixPs", tags, errors);
        for (String id : form.getThemeGroups()) {
            options.themeGroups().stream().filter(g -> g.getId().toString().equals(id)).findFirst().ifPresentOrElse(
                    g -> tags.add(new ItemTag(Facet.THEME_GROUP, id, g.getName())),
                    () -> errors.rejectValue("themeGroups", "knowledge.form.tag.unknown"));
        }
        Long memberId = reader.isSecretariat() ? form.getMemberId() : reader.memberId();
        Member member = memberId == null ? null : members.find(List.of(networkId), memberId).orElse(null);
        if (memberId != null && member == null) {
            errors.rejectValue("memberId", "knowledge.form.member.unknown");
        }
        if (upload != null && upload.refused().isPresent()) {
            UploadResult.Refused refused = upload.refused().get();
            errors.rejectValue("document", refused.messageKey(), refused.args().toArray(), refused.messageKey());
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        int year = form.getYear() == null ? thisYear(networkId) : form.getYear();
        KnowledgeItem item = items.save(KnowledgeItem.of(null,
                new KnowledgeItem.Content(Kind.PRACTICE, form.getTitle(), form.getText(), null,
                        form.getLink().isEmpty() ? null : form.getLink(), null, year, tags),
                new KnowledgeItem.Origin(networkId, member == null ? null : member.getId(),
                        member == null ? null : member.getName(), member == null ? null : members.region(member).orElse(null),
                        blankToNull(form.getContactName()), blankToNull(form.getContactEmail()),
                        reader.isSecretariat() ? reader.name() : reader.email()),
                form.isShared(), clock.instant()));
        if (upload != null) {
            UploadResult stored = documents.store(networkId, DOCUMENT_OWNER, item.getId().toString(), upload);
            if (stored instanceof UploadResult.Stored s) {
                item.attach(s.document().id());
            }
        }
        return Optional.of(item);
    }

    private static void tag(List<String> codes, List<Tag> known, Facet facet, String field, Set<ItemTag> tags,
                            Errors errors) {
        for (String code : codes) {
            if (known.stream().anyMatch(t -> t.getCode().equals(code))) {
                tags.add(new ItemTag(facet, code, code));
            } else {
                errors.rejectValue(field, "knowledge.form.tag.unknown");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The secretariat shows a shared item on the public page and in the feed, or takes it off; false if it may not. */
    @Transactional
    boolean publish(Reader reader, long id, boolean shown) {
        Optional<KnowledgeItem> item = item(reader, id).filter(i -> reader.isSecretariat());
        if (item.isEmpty() || shown && !item.get().isShared()) {
            return false;
        }
        if (shown) {
            item.get().publish(clock.instant());
        } else {
            item.get().unpublish(clock.instant());
        }
        return true;
    }

    /** What the public page and the feed show, newest first. */
    @Transactional(readOnly = true)
    List<KnowledgeItem> published(String networkId) {
        return items.findTop50ByNetworkIdAndPublicSinceNotNullOrderByPublicSinceDesc(networkId).stream()
                .filter(KnowledgeItem::isShared).toList();
    }

    /** Every item the secretariat may see, as a spreadsheet that opens in Excel with Danish letters right. */
    @Transactional(readOnly = true)
    void export(Reader reader, boolean xlsx, Locale locale, OutputStream out) throws IOException {
        List<KnowledgeItem> all = items.findByNetworkIdInOrderByYearDescIdDesc(reader.networks());
        var zone = time.zone(reader.network());
        ExportTable table = xlsx ? ExportTable.xlsx(out, text("knowledge.title", locale), zone)
                : ExportTable.csv(out, locale, zone);
        table.header(List.of("kind", "title", "member", "region", "year", "text", "results", "link", "contactName",
                "contactEmail", "goals", "sdgs", "sixPs", "themeGroups", "shared", "public").stream()
                .map(c -> text("knowledge.export." + c, locale)).toList());
        for (KnowledgeItem i : all) {
            List<Object> row = new ArrayList<>();
            row.add(text("knowledge.kind." + i.getKind(), locale));
            row.add(i.getTitle());
            row.add(nz(i.getMemberName()));
            row.add(nz(i.getRegion()));
            row.add(new BigDecimal(i.getYear()));
            row.add(nz(i.getBody()));
            row.add(nz(i.getResults()));
            row.add(nz(i.getLink()));
            row.add(nz(i.getContactName()));
            row.add(nz(i.getContactEmail()));
            row.add(labels(i, Facet.GOAL, locale));
            row.add(labels(i, Facet.SDG, locale));
            row.add(labels(i, Facet.SIX_P, locale));
            row.add(labels(i, Facet.THEME_GROUP, locale));
            row.add(text(i.isShared() ? "form.yes" : "form.no", locale));
            row.add(text(i.isPublic() ? "form.yes" : "form.no", locale));
            table.row(row);
        }
        table.finish();
    }

    /** A tag's name in the reader's language: SDGs and 6 Ps by the bundles, goals and theme groups as named. */
    String label(ItemTag tag, Locale locale) {
        if (tag.facet() == Facet.SDG || tag.facet() == Facet.SIX_P) {
            List<Tag> known = tag.facet() == Facet.SDG ? networks.sdgs() : networks.sixPs();
            return known.stream().filter(t -> t.getCode().equals(tag.code())).findFirst()
                    .map(t -> tag.facet() == Facet.SDG ? t.getPosition() + ". " + t.name(locale) : t.name(locale))
                    .orElse(tag.label());
        }
        return tag.label();
    }

    private String labels(KnowledgeItem i, Facet facet, Locale locale) {
        return String.join(", ", i.tags(facet).stream().map(t -> label(t, locale)).toList());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
