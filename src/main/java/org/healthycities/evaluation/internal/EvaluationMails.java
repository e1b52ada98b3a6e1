package org.healthycities.evaluation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.EditableMail;
import org.healthycities.notifications.EditableMails;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.web.Dates;
import org.healthycities.web.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mails of the evaluation (invitation, reminders, send-back): the one place that talks to the mail
 * feature. Each mail is recorded as an event under a once-key in the caller's transaction, so a retried
 * process step mails once; the link in it is a fresh token (earlier links keep working).
 */
@Component
@Order(2)
class EvaluationMails implements EditableMails {

    private static final Logger log = LoggerFactory.getLogger(EvaluationMails.class);

    /** How long after the round closes a link still opens the evaluation (late answers, history). */
    static final int LINK_DAYS_AFTER_CLOSE = 90;

    enum Kind {
        INVITATION("evaluation/mail/invitation", EvaluationEvents.INVITED),
        REMINDER("evaluation/mail/reminder", EvaluationEvents.REMINDED),
        SENT_BACK("evaluation/mail/sent-back", EvaluationEvents.SENT_BACK_MAIL),
        ACCEPTED("evaluation/mail/accepted", EvaluationEvents.ACCEPTED_MAIL);

        final String template;
        final String event;

        Kind(String template, String event) {
            this.template = template;
            this.event = event;
        }
    }

    private final EvaluationLinks links;
    private final EvaluationEvents events;
    private final NetworkDirectory networks;
    private final Mailer mailer;
    private final NetworkClock time;
    private final EvaluationRepository evaluations;
    private final RoundRepository rounds;
    private final PublicAddress address;

    EvaluationMails(EvaluationLinks links, EvaluationEvents events, NetworkDirectory networks, Mailer mailer,
                    NetworkClock time, EvaluationRepository evaluations, RoundRepository rounds,
                    PublicAddress address) {
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.mailer = mailer;
        this.time = time;
        this.links = links;
        this.events = events;
        this.networks = networks;
        this.address = address;
    }

    /**
     * Sends a mail of this kind once per once-key; false when it was sent before (or the member has no coordinator
     * address the mailer takes, which is recorded for the secretariat to see: an address it would refuse is
     * recorded like a missing one rather than failing the step, which may invite a whole batch of members).
     */
    boolean send(MemberEvaluation e, EvaluationRound round, Kind kind, String onceKey) {
        if (!Mailer.takes(e.getCoordinatorEmail())) {
            events.record(e.getId(), EvaluationEvents.NO_ADDRESS, "no-address:" + onceKey, "system", kind.name());
            return false;
        }
        if (!events.record(e.getId(), kind.event, onceKey, "system", e.getCoordinatorEmail())) {
            return false;
        }
        LocalDate until = e.getDeadline().isAfter(round.getClosesOn()) ? e.getDeadline() : round.getClosesOn();
        Instant expires = time.startOf(e.getNetworkId(), until.plusDays(LINK_DAYS_AFTER_CLOSE));
        String token = links.issue(e.getId(), expires);
        Locale locale = networks.network(e.getNetworkId()).map(n -> n.getLocale()).orElse(Locale.forLanguageTag("da"));
        deliver(e, round, kind, onceKey, address.url() + "/evaluation/" + token, locale);
        return true;
    }

    /** Into the outbox in this transaction: delivered after commit, retried while the mail server is down. */
    private void deliver(MemberEvaluation e, EvaluationRound round, Kind kind, String onceKey, String link, Locale locale) {
        mailer.send(new OutgoingMail(e.getCoordinatorEmail(), e.getCoordinatorName(), locale, kind.template,
                model(e, round, link, locale), e.getNetworkId(), "evaluation:" + e.getId() + ":" + onceKey));
        log.debug("Evaluation mail {} for evaluation {} queued", kind, e.getId());
    }

    /** What every evaluation mail's template gets. */
    private Map<String, Object> model(MemberEvaluation e, EvaluationRound round, String link, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("memberName", e.getMemberName());
        model.put("networkName", networks.network(e.getNetworkId()).map(n -> n.getName()).orElse(e.getNetworkId()));
        model.put("year", String.valueOf(round.getYear()));
        model.put("deadline", Dates.date(e.getDeadline(), locale));
        model.put("comment", e.getReviewComment());
        model.put("link", link);
        return model;
    }

    /** The coordinator's mails a network may word itself, previewed with its latest member evaluation. */
    @Override
    public List<EditableMail> editableMails() {
        return Arrays.stream(Kind.values()).map(kind -> {
            EditableMail mail = EditableMail.of(kind.template, this::example)
                    .with("member", EditableMail.variable("memberName"))
                    .with("network", EditableMail.variable("networkName"))
                    .with("year", EditableMail.variable("year"))
                    .with("deadline", EditableMail.variable("deadline"))
                    .requiring("link", EditableMail.variable("link"));
            return kind == Kind.SENT_BACK || kind == Kind.ACCEPTED
                    ? mail.with("comment", EditableMail.variable("comment")) : mail;
        }).toList();
    }

    private Optional<Map<String, Object>> example(String networkId) {
        return evaluations.findFirstByNetworkIdOrderByIdDesc(networkId).flatMap(e -> rounds.findById(e.getRoundId())
                .map(round -> {
                    Map<String, Object> model = model(e, round, address.url() + "/evaluation/…", networks.network(networkId)
                            .map(n -> n.getLocale()).orElse(Locale.forLanguageTag("da")));
                    model.put("recipientName", e.getCoordinatorName());
                    return model;
                }));
    }
}
