package org.healthycities.staff.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.web.Dates;
import org.healthycities.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * Mails to a staff user through the outbox, in the language and time zone of the user's first network (the first
 * network when the user has none yet), with a link to one of our pages. Never a password.
 */
@Component
class StaffMail {

    private final IdentityService identity;
    private final NetworkDirectory networks;
    private final Mailer mailer;
    private final PublicAddress address;

    StaffMail(IdentityService identity, NetworkDirectory networks, Mailer mailer,
              PublicAddress address) {
        this.identity = identity;
        this.networks = networks;
        this.mailer = mailer;
        this.address = address;
    }

    /** Mails the template to the user if the user has an address; the model gets "link" = base URL + path. */
    boolean send(User user, String template, String path, Map<String, Object> model, String dedupKey) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return false;
        }
        Network network = homeNetwork(user.getId());
        OutgoingMail mail = OutgoingMail.to(user.getEmail(), network.getLocale(), template, network.getId())
                .withName(name(user))
                .with("username", user.getId())
                .with("link", address.url() + path)
                .withDedupKey(dedupKey);
        for (Map.Entry<String, Object> e : model.entrySet()) {
            mail = mail.with(e.getKey(), e.getValue() instanceof Instant at ? moment(at, network) : e.getValue());
        }
        mailer.send(mail);
        return true;
    }

    /** A moment as the user's network writes it, in its zone (an Instant in a mail's model is shown so). */
    static String moment(Instant at, Network network) {
        return Dates.moment(at, network.getZone(), network.getLocale());
    }

    /** The time of day only, for a lock that ends within the hour. */
    static String time(Instant at, Network network) {
        return Dates.time(at, network.getZone(), network.getLocale());
    }

    /** The network the user's mail comes from: the first of the user's networks, else the first network. */
    Network homeNetwork(String userId) {
        return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).sorted().map(networks::network).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> networks.networks().get(0));
    }

    static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
