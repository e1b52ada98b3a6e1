package org.healthycities.workshop;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.workshop.internal.ConsolidationService;
import org.healthycities.workshop.internal.SessionRepository;
import org.healthycities.workshop.internal.WorkshopService;
import org.healthycities.workshop.internal.WorkshopSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions consolidated so far, told again as {@link SessionConsolidated} to a listener that came later (the
 * knowledge bank, on a network that consolidated sessions before it existed).
 */
@Component
public class SessionsConsolidated {

    private static final Logger LOG = LoggerFactory.getLogger(SessionsConsolidated.class);
    /** The event carries codes and the texts as written, no labels: the board's language does not show in it. */
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final SessionRepository sessions;
    private final WorkshopService workshops;
    private final ConsolidationService consolidation;
    private final NetworkDirectory networks;
    private final TransactionTemplate tx;

    SessionsConsolidated(SessionRepository sessions, WorkshopService workshops, ConsolidationService consolidation,
                         NetworkDirectory networks, PlatformTransactionManager txm) {
        this.sessions = sessions;
        this.workshops = workshops;
        this.consolidation = consolidation;
        this.networks = networks;
        this.tx = new TransactionTemplate(txm);
    }

    /** Announces every consolidated session whose id {@code heard} does not know, each in its own transaction. */
    public int announce(Predicate<Long> heard) {
        List<Long> ids = tx.execute(t -> sessions.findByStatus(WorkshopSession.Status.CONSOLIDATED).stream()
                .map(WorkshopSession::getId).filter(id -> !heard.test(id)).toList());
        List<String> all = networks.networks().stream().map(Network::getId).toList();
        int told = 0;
        for (Long id : ids) {
            try {
                Boolean announced = tx.execute(t -> workshops.session(all, id).map(view -> {
                    consolidation.announce(view, DANISH);
                    return true;
                }).orElse(false));
                if (Boolean.TRUE.equals(announced)) {
                    told++;
                }
            } catch (RuntimeException e) {
                // one session that cannot be read must not keep the others untold
                LOG.warn("Session {} could not be announced again: {}", id, e.toString());
            }
        }
        return told;
    }
}
