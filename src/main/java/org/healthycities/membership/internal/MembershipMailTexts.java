package org.healthycities.membership.internal;

import static org.healthycities.notifications.EditableMail.inMap;
import static org.healthycities.notifications.EditableMail.variable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.EditableMail;
import org.healthycities.notifications.EditableMails;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The applicant's and coordinator's mails a network may word itself, previewed with the network's latest
 * application (its link is an example: a preview issues no link).
 */
@Component
@Order(1)
class MembershipMailTexts implements EditableMails {

    private final ApplicationRepository applications;
    private final MembershipMail mail;
    private final NetworkDirectory networks;

    MembershipMailTexts(ApplicationRepository applications, MembershipMail mail, NetworkDirectory networks) {
        this.applications = applications;
        this.mail = mail;
        this.networks = networks;
    }

    @Override
    public List<EditableMail> editableMails() {
        Function<Map<String, Object>, Object> link = variable("link");
        return List.of(
                kind("receipt", false).requiring("link", link),
                kind("document-request", false).requiring("link", link),
                kind("questions", false).requiring("link", link).with("questions", variable("questions")),
                kind("reminder", false).requiring("link", link).with("questions", variable("questions")),
                kind("duplicate", false),
                kind("rejected", false).with("reason", variable("reason")),
                kind("withdrawn", false),
                kind("lapsed", false),
                kind("coordinator-invitation", true).with("themeGroups", variable("themeGroups")),
                kind("welcome", false).with("fee", inMap("app", "fee")).with("currency", inMap("app", "currency"))
                        .with("themeGroups", variable("themeGroups")));
    }

    /** A kind with what every application mail can say. */
    private EditableMail kind(String name, boolean toCoordinator) {
        return EditableMail.of("membership/mail/" + name, networkId -> example(networkId, toCoordinator))
                .with("municipality", inMap("app", "municipalityName"))
                .with("network", inMap("app", "networkName"))
                .with("reference", inMap("app", "reference"))
                .with("secretariat", inMap("app", "secretariatName"));
    }

    Optional<Map<String, Object>> example(String networkId, boolean toCoordinator) {
        return applications.findFirstByNetworkIdOrderByIdDesc(networkId).map(a -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipientName", toCoordinator ? a.getCoordinatorName() : a.getAdminContactName());
            model.put("link", mail.linkUrl("…"));
            model.put("questions", a.getQuestions() == null ? "" : a.getQuestions());
            model.put("reason", a.getReviewNote() == null ? "" : a.getReviewNote());
            model.put("problem", a.getDocumentProblem() == null ? "membership.document.missing" : a.getDocumentProblem());
            model.put("alreadyMember", false);
            model.put("network", networks.network(networkId).orElseThrow());
            model.put("themeGroups", mail.themeGroupNames(a));
            return mail.model(a, model);
        });
    }
}
