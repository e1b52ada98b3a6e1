package org.healthycities.knowledge.internal;

import java.util.HashSet;
import java.util.Set;
import org.healthycities.evaluation.EvaluationsHandedIn;
import org.healthycities.workshop.SessionsConsolidated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On a network that had evaluations handed in or workshop sessions consolidated before the bank existed (or before it
 * heard of them), asks for them once after the start, in the background so the first page does not wait: afterwards
 * every one is a known source.
 */
@Component
class KnowledgeBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBackfill.class);

    private final EvaluationsHandedIn handedIn;
    private final SessionsConsolidated consolidated;
    private final JdbcTemplate jdbc;
    private final boolean enabled;

    KnowledgeBackfill(EvaluationsHandedIn handedIn, SessionsConsolidated consolidated, JdbcTemplate jdbc,
                      @Value("${hc.knowledge.backfill-on-start:true}") boolean enabled) {
        this.handedIn = handedIn;
        this.consolidated = consolidated;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (enabled) {
            new SimpleAsyncTaskExecutor("knowledge-backfill-").execute(this::run);
        }
    }

    /** The evaluations and consolidated sessions not heard of yet, told again; how many. */
    int run() {
        Set<String> heard = new HashSet<>(jdbc.queryForList(
                "SELECT source FROM knowledge_source WHERE source LIKE 'evaluation:%' OR source LIKE 'session:%'",
                String.class));
        int evaluations = handedIn.announce(id -> heard.contains("evaluation:" + id));
        int sessions = consolidated.announce(id -> heard.contains("session:" + id));
        if (evaluations + sessions > 0) {
            LOG.info("The knowledge bank heard of {} evaluations handed in and {} workshop sessions consolidated"
                    + " before it listened", evaluations, sessions);
        }
        return evaluations + sessions;
    }
}
