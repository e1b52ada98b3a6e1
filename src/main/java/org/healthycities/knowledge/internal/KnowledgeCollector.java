package org.healthycities.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.evaluation.EvaluationSubmitted;
import org.healthycities.knowledge.internal.KnowledgeItem.Facet;
import org.healthycities.knowledge.internal.KnowledgeItem.ItemTag;
import org.healthycities.knowledge.internal.KnowledgeItem.Kind;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.StrategicGoal;
import org.healthycities.workshop.SessionConsolidated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the knowledge that other features report: a member's evaluation (its activities and its action plan, each
 * shared as the coordinator chose) and a consolidated workshop session. A record that reports again replaces what
 * it reported before, in the same transaction as the report.
 */
@Component
class KnowledgeCollector {

    static final String SYSTEM = "system";

    private final KnowledgeItemRepository items;
    private final MemberService members;
    private final NetworkDirectory networks;
    private final Clock clock;
    private final NetworkClock time;
    private final JdbcTemplate jdbc;

    KnowledgeCollector(KnowledgeItemRepository items, MemberService members, NetworkDirectory networks,
                       Clock clock, NetworkClock time, JdbcTemplate jdbc) {
        this.time = time;
        this.jdbc = jdbc;
        this.items = items;
        this.members = members;
        this.networks = networks;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(EvaluationSubmitted e) {
        String source = "evaluation:" + e.evaluationId();
        Member member = members.find(List.of(e.networkId()), e.memberId()).orElse(null);
        KnowledgeItem.Origin origin = new KnowledgeItem.Origin(e.networkId(), e.memberId(), e.memberName(),
                member == null ? null : members.region(member).orElse(null),
                member == null ? null : member.getCoordinatorName(), member == null ? null : member.getCoordinatorEmail(),
                SYSTEM);
        EvaluationAnswers a = e.answers();
        Set<ItemTag> shared = new LinkedHashSet<>();
        a.sixPs().forEach(code -> shared.add(new ItemTag(Facet.SIX_P, code, code)));
        a.themeGroups().forEach(g -> shared.add(new ItemTag(Facet.THEME_GROUP, g.id().toString(), g.name())));
        List<KnowledgeItem> made = new ArrayList<>();
        for (EvaluationAnswers.Activity activity : a.activities()) {
            if (activity.title() == null || activity.title().isBlank()) {
                continue;
            }
            Set<ItemTag> tags = new LinkedHashSet<>(shared);
            goal(e.goals(), activity.goalId()).ifPresent(g -> tags.add(goalTag(g)));
            activity.sdgs().forEach(code -> tags.add(new ItemTag(Facet.SDG, code, code)));
            made.add(KnowledgeItem.of(source, new KnowledgeItem.Content(Kind.ACTIVITY, activity.title(),
                    activity.description(), activity.results(), null, null, e.year(), tags), origin, activity.shared(),
                    clock.instant()));
        }
        if (a.document() != null) {
            Set<ItemTag> tags = new LinkedHashSet<>(shared);
            a.sdgs().forEach(code -> tags.add(new ItemTag(Facet.SDG, code, code)));
            a.goals().stream().filter(g -> g.progress() != null)
                    .forEach(g -> goal(e.goals(), g.goalId()).ifPresent(s -> tags.add(goalTag(s))));
            made.add(KnowledgeItem.of(source, new KnowledgeItem.Content(Kind.ACTION_PLAN, a.document().filename(),
                    null, null, null, a.document().documentId(), e.year(), tags), origin, a.planShared(),
                    clock.instant()));
        }
        replace(e.networkId(), source, made);
    }

    @EventListener
    @Transactional
    public void on(SessionConsolidated s) {
        String source = "session:" + s.sessionId();
        Set<ItemTag> tags = new LinkedHashSet<>();
        List<StrategicGoal> goals = networks.strategies(s.networkId()).stream()
                .flatMap(strategy -> strategy.getGoals().stream()).toList();
        s.goalIds().forEach(id -> goal(goals, id).ifPresent(g -> tags.add(goalTag(g))));
        s.sdgs().forEach(code -> tags.add(new ItemTag(Facet.SDG, code, code)));
        String body = s.results().stream()
                .map(r -> r.synthesis() == null || r.synthesis().isBlank() ? r.question() : r.question() + "\n" + r.synthesis())
                .collect(Collectors.joining("\n\n"));
        var network = networks.network(s.networkId()).orElseThrow();
        KnowledgeItem item = KnowledgeItem.of(source, new KnowledgeItem.Content(Kind.WORKSHOP,
                s.workshopTitle() + " – " + s.sessionTitle(), body, null, null, null,
                s.day() == null ? time.today(s.networkId()).getYear() : s.day().getYear(),
                tags), new KnowledgeItem.Origin(s.networkId(), null, null, null, network.getSecretariatName(),
                network.getSecretariatEmail(), SYSTEM), true, clock.instant());
        replace(s.networkId(), source, List.of(item));
    }

    /** The new items in place of the old; an item the secretariat had published stays published if it still is shared. */
    private void replace(String networkId, String source, List<KnowledgeItem> made) {
        jdbc.update("INSERT INTO knowledge_source (source, network_id, heard_at) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE heard_at = VALUES(heard_at)", source, networkId,
                Timestamp.from(clock.instant()));
        List<KnowledgeItem> old = items.findByNetworkIdAndSource(networkId, source);
        Set<String> published = old.stream().filter(KnowledgeItem::isPublic).map(i -> i.getKind() + ":" + i.getTitle())
                .collect(Collectors.toSet());
        items.deleteAll(old);
        items.flush();
        for (KnowledgeItem item : made) {
            if (item.isShared() && published.contains(item.getKind() + ":" + item.getTitle())) {
                item.publish(clock.instant());
            }
        }
        items.saveAll(made);
    }

    private static Optional<StrategicGoal> goal(List<StrategicGoal> goals, Long id) {
        return id == null ? Optional.empty() : goals.stream().filter(g -> g.getId().equals(id)).findFirst();
    }

    private static ItemTag goalTag(StrategicGoal g) {
        return new ItemTag(Facet.GOAL, g.getId().toString(), g.getPosition() + ". " + g.getTitle());
    }
}
