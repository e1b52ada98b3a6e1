package org.healthycities.membership.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The one place membership sends mail, through the outbox (so a mail server that is down loses nothing).
 * Templates are templates/membership/mail/*.html (subject in the title); the history notes each mail, so the
 * secretariat sees what the applicant was told.
 */
@Component
class MembershipMail {

    private final Mailer mailer;
    private final History history;
    private final NetworkDirectory networks;
    private final PublicAddress address;

    MembershipMail(Mailer mailer, History history, NetworkDirectory networks,
                   PublicAddress address) {
        this.mailer = mailer;
        this.history = history;
        this.networks = networks;
        this.address = address;
    }

    /** Sends a mail about an application; {@code dedupKey} makes a retried process step send nothing twice. */
    void send(Application application, String to, String toName, Locale locale, String template,
              Map<String, Object> model, String dedupKey) {
        mailer.send(new OutgoingMail(to, toName, locale, template, model(application, model), application.getNetworkId(),
                dedupKey));
        history.record(application, "MAIL", HistoryEntry.SYSTEM, template + " → " + to);
    }

    /** A mail's model: the caller's variables and the application's facts as "app". */
    Map<String, Object> model(Application application, Map<String, Object> model) {
        Network network = networks.network(application.getNetworkId()).orElseThrow();
        Map<String, Object> all = new LinkedHashMap<>(model);
        all.put("app", application.facts(network));
        return all;
    }

    /** The names of the theme groups the application chose. */
    List<String> themeGroupNames(Application a) {
        return networks.themeGroups(a.getNetworkId()).stream().filter(g -> a.getThemeGroupIds().contains(g.getId()))
                .map(g -> g.getName()).toList();
    }

    String linkUrl(String token) {
        return address.url() + "/application/" + token;
    }
}
