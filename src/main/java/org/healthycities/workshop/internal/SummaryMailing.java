package org.healthycities.workshop.internal;

import org.healthycities.web.Dates;

import java.util.Locale;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.workshop.internal.ConsolidationService.Board;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the summary (questions, every group's answers, the syntheses) to every participant who left an
 * address, through the notifications outbox; the dedup key keeps a retried process step from mailing twice.
 */
@Component
class SummaryMailing {

    private final SessionRepository sessions;
    private final WorkshopService workshops;
    private final ConsolidationService consolidation;
    private final Dates dates;
    private final NetworkDirectory directory;
    private final Mailer mailer;
    private final NetworkClock time;

    SummaryMailing(SessionRepository sessions, WorkshopService workshops, ConsolidationService consolidation,
                   Dates dates, NetworkDirectory directory, Mailer mailer, NetworkClock time) {
        this.time = time;
        this.sessions = sessions;
        this.workshops = workshops;
        this.consolidation = consolidation;
        this.dates = dates;
        this.directory = directory;
        this.mailer = mailer;
    }

    @Transactional
    public void send(Long sessionId) {
        WorkshopSession session = sessions.findById(sessionId).orElseThrow();
        SessionView view = workshops.sessionForParticipant(sessionId);
        Locale locale = directory.network(view.networkId()).map(n -> n.getLocale()).orElse(Locale.forLanguageTag("da"));
        Board board = consolidation.board(view, locale);
        board.participants().stream().filter(p -> p.getEmail() != null).forEach(p -> mailer.send(
                OutgoingMail.to(p.getEmail(), locale, "workshop/mail/summary", view.networkId())
                        .withName(p.getName())
                        .with("board", board).with("view", board.view()).with("dates", dates.in(locale))
                        .withDedupKey("workshop:summary:" + sessionId + ":" + p.getId())));
        session.summarySent(time.now());
        sessions.save(session);
    }
}
