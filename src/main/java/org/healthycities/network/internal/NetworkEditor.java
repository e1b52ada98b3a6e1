package org.healthycities.network.internal;

import static org.healthycities.network.internal.Forms.clean;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.ZoneId;
import java.util.Optional;
import org.healthycities.network.Network;
import org.healthycities.network.ThemeGroup;
import org.healthycities.security.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The secretariat's edits of its network: the secretariat contact and the theme groups. The callers have
 * already checked that the person may see the network; every record is looked up within that network.
 * A change is written whole or not at all: any error in {@code errors} means nothing was written.
 */
@Service
@Transactional
class NetworkEditor {

    private final NetworkRepository networks;
    private final ThemeGroupRepository themeGroups;

    NetworkEditor(NetworkRepository networks, ThemeGroupRepository themeGroups) {
        this.networks = networks;
        this.themeGroups = themeGroups;
    }

    void updateContact(String networkId, int seenVersion, SecretariatContact contact, Errors errors) {
        Network network = networks.findById(networkId).orElseThrow(NotFound::notFound);
        if (network.getVersion() != seenVersion) {
            errors.reject("network.stale");
        }
        String zone = contact.timeZone() == null ? network.getTimeZone() : contact.timeZone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone) && !errors.hasFieldErrors("timeZone")) {
            errors.rejectValue("timeZone", "network.timeZone.unknown");
        }
        String sender = contact.mailSender() == null ? network.getMailSender() : clean(contact.mailSender());
        if (sender != null && !errors.hasFieldErrors("mailSender") && !isAddress(sender)) {
            errors.rejectValue("mailSender", "network.mailSender.format");
        }
        if (errors.hasErrors()) {
            return;
        }
        network.updateSettings(zone, sender,
                contact.membershipTerms() == null ? network.getMembershipTerms() : clean(contact.membershipTerms()));
        network.updateSecretariat(clean(contact.secretariatName()), clean(contact.secretariatEmail()),
                clean(contact.secretariatPhone()), clean(contact.website()),
                contact.accessionQuestions() == null ? network.isAccessionQuestions() : contact.accessionQuestions());
        networks.saveAndFlush(network);
    }

    /** One address, with or without a name: "Sund By Netværket <noreply@sundby.dk>". */
    private static boolean isAddress(String sender) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(sender, true);
            if (parsed.length != 1) {
                return false;
            }
            parsed[0].validate();
            return parsed[0].getAddress().contains("@") && parsed[0].getAddress().contains(".");
        } catch (AddressException e) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    ThemeGroup themeGroup(String networkId, Long id) {
        return themeGroups.findById(id).filter(g -> g.getNetworkId().equals(networkId)).orElseThrow(NotFound::notFound);
    }

    Optional<ThemeGroup> createThemeGroup(String networkId, ThemeGroupForm form, Errors errors) {
        checkNameFree(networkId, form.name(), null, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        ThemeGroup group = new ThemeGroup(networkId, clean(form.name()), clean(form.description()));
        group.update(group.getName(), group.getDescription(), form.active());
        return Optional.of(themeGroups.saveAndFlush(group));
    }

    void updateThemeGroup(String networkId, Long id, int seenVersion, ThemeGroupForm form, Errors errors) {
        ThemeGroup group = themeGroup(networkId, id);
        if (group.getVersion() != seenVersion) {
            errors.reject("themeGroup.stale");
        }
        checkNameFree(networkId, form.name(), id, errors);
        if (errors.hasErrors()) {
            return;
        }
        group.update(clean(form.name()), clean(form.description()), form.active());
        themeGroups.saveAndFlush(group);
    }

    /** Names are unique within a network whatever their case; the database compares, so its collation decides. */
    private void checkNameFree(String networkId, String name, Long exceptId, Errors errors) {
        if (clean(name) != null && !errors.hasFieldErrors("name")
                && themeGroups.nameTaken(networkId, clean(name), exceptId)) {
            errors.rejectValue("name", "themeGroup.name.taken");
        }
    }
}
