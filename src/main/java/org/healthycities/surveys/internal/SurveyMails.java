package org.healthycities.surveys.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthycities.forms.SubmissionLinks;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.EditableMail;
import org.healthycities.notifications.EditableMails;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.web.Dates;
import org.healthycities.web.PublicAddress;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The survey's mails to a member's coordinator (invitation, reminder), put in the outbox in the caller's
 * transaction with a key that makes a retried step mail once. Each carries a fresh private link to the member's
 * submission; earlier links keep working, so a forwarded mail still opens the same draft.
 */
@Component
@Order(3)
class SurveyMails implements EditableMails {

    enum Kind {
        INVITATION("surveys/mail/invitation"),
        REMINDER("surveys/mail/reminder");

        final String template;

        Kind(String template) {
            this.template = template;
        }
    }

    private final SubmissionLinks links;
    private final NetworkDirectory networks;
    private final Mailer mailer;
    private final PublicAddress address;
    private final RecipientRepository recipients;
    private final SurveyRepository surveys;

    SurveyMails(SubmissionLinks links, NetworkDirectory networks, Mailer mailer, PublicAddress address,
                RecipientRepository recipients, SurveyRepository surveys) {
        this.links = links;
        this.networks = networks;
        this.mailer = mailer;
        this.address = address;
        this.recipients = recipients;
        this.surveys = surveys;
    }

    /** Mails the member's coordinator now; empty when the member has no coordinator address. */
    Optional<String> send(Survey survey, SurveyRecipient recipient, String coordinatorName, String coordinatorEmail,
                          Kind kind, String onceKey) {
        if (coordinatorEmail == null || coordinatorEmail.isBlank()) {
            return Optional.empty();
        }
        Locale locale = locale(survey.getNetworkId());
        String link = address.url() + "/survey/" + links.issue(recipient.getSubmissionId());
        mailer.send(new OutgoingMail(coordinatorEmail, coordinatorName, locale, kind.template,
                model(survey, recipient, link, locale), survey.getNetworkId(),
                "survey:" + recipient.getId() + ":" + onceKey));
        return Optional.of(coordinatorEmail);
    }

    private Locale locale(String networkId) {
        return networks.network(networkId).map(n -> n.getLocale()).orElse(Locale.forLanguageTag("da"));
    }

    private Map<String, Object> model(Survey survey, SurveyRecipient recipient, String link, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("memberName", recipient.getMemberName());
        model.put("networkName", networks.nameOf(survey.getNetworkId()));
        model.put("title", survey.getTitle());
        model.put("deadline", Dates.date(recipient.getDeadline(), locale));
        model.put("link", link);
        return model;
    }

    @Override
    public List<EditableMail> editableMails() {
        return Arrays.stream(Kind.values()).map(kind -> EditableMail.of(kind.template, this::example)
                .with("member", EditableMail.variable("memberName"))
                .with("network", EditableMail.variable("networkName"))
                .with("survey", EditableMail.variable("title"))
                .with("deadline", EditableMail.variable("deadline"))
                .requiring("link", EditableMail.variable("link"))).toList();
    }

    /** The latest recipient of the network's latest members' survey, for the mail texts page's preview. */
    private Optional<Map<String, Object>> example(String networkId) {
        return surveys.findByNetworkIdInOrderByCreatedAtDesc(List.of(networkId)).stream()
                .filter(s -> s.getAudience() == SurveyAudience.MEMBERS).findFirst()
                .flatMap(s -> recipients.findBySurveyIdOrderByMemberName(s.getId()).stream().findFirst().map(r -> {
                    Map<String, Object> model = model(s, r, address.url() + "/survey/…", locale(networkId));
                    model.put("recipientName", r.getInvitedTo());
                    return model;
                }));
    }
}
