package org.healthycities.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is logged in: a Camunda identity user with its groups and networks (tenants). Pages and services
 * ask it which networks may be seen; the admin sees all.
 */
public record CurrentUser(String id, String displayName, Set<String> groups, Set<String> networks)
        implements Serializable, AuthenticatedPrincipal {

    public static final String ADMIN = "admin";
    public static final String SECRETARIAT = "secretariat";
    public static final String BOARD = "board";
    /** Manages the staff of the lead's own networks on our pages (with the secretariat group). */
    public static final String SECRETARIAT_LEAD = "secretariat-lead";
    /** Camunda's own admin group: the webapps' Admin, kept beside our admin group. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** The user id: the name sessions are indexed by (Spring Session's PRINCIPAL_NAME), not the whole record. */
    @Override
    public String getName() {
        return id;
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }

    public boolean isSecretariatLead() {
        return groups.contains(SECRETARIAT_LEAD);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** The networks this user may see, out of all there are. */
    public Set<String> visibleNetworks(Collection<String> allNetworks) {
        return isAdmin() ? Set.copyOf(allNetworks) : networks;
    }

    public boolean canSee(String networkId) {
        return isAdmin() || networks.contains(networkId);
    }

    public List<String> groupList() {
        return List.copyOf(groups);
    }

    /** The user of the current request, if logged in. */
    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user) : Optional.empty();
    }
}
