package org.healthycities.staff.internal;

import org.healthycities.security.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Staff on Camunda's identity service, so Cockpit, Tasklist and the REST API know the same people: a user, the
 * group of the role (secretariat or board), the networks as tenant memberships, and for some the lead or admin
 * groups. The admin manages everyone. A secretariat lead manages the people whose networks are all among the
 * lead's own (never an admin), gives only the lead's networks, and cannot make anyone lead or admin: those groups
 * reach every network the person is in. Nobody manages their own account here.
 */
@Service
class StaffService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final IdentityService identity;
    private final StaffAccounts accounts;
    private final PasswordLinks links;
    private final StaffSessions sessions;
    private final NetworkDirectory networks;
    private final Clock clock;

    StaffService(IdentityService identity, StaffAccounts accounts, PasswordLinks links, StaffSessions sessions,
                 NetworkDirectory networks, Clock clock) {
        this.identity = identity;
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.networks = networks;
        this.clock = clock;
    }

    /** The networks the manager may give: all for the admin, the lead's own for a lead. */
    List<Network> givable(CurrentUser manager) {
        Set<String> own = manager.visibleNetworks(networks.networks().stream().map(Network::getId).toList());
        return networks.networks().stream().filter(n -> own.contains(n.getId())).toList();
    }

    /** Every network's name by its id, for the list. */
    Map<String, String> networkNames() {
        return networks.networks().stream().collect(Collectors.toMap(Network::getId, Network::getName));
    }

    /** Everyone the manager may manage, by name. */
    @Transactional(readOnly = true)
    List<StaffMember> list(CurrentUser manager) {
        Map<String, Set<String>> groups = new HashMap<>();
        for (String group : List.of(CurrentUser.ADMIN, CurrentUser.SECRETARIAT, CurrentUser.BOARD,
                CurrentUser.SECRETARIAT_LEAD)) {
            identity.createUserQuery().memberOfGroup(group).list()
                    .forEach(u -> groups.computeIfAbsent(u.getId(), k -> new HashSet<>()).add(group));
        }
        Map<String, Set<String>> tenants = new HashMap<>();
        for (Network network : networks.networks()) {
            identity.createUserQuery().memberOfTenant(network.getId()).list()
                    .forEach(u -> tenants.computeIfAbsent(u.getId(), k -> new HashSet<>()).add(network.getId()));
        }
        Map<String, StaffAccount> rows = accounts.findAll().stream()
                .collect(Collectors.toMap(StaffAccount::getUserId, a -> a));
        return identity.createUserQuery().list().stream()
                .map(u -> member(u, groups.getOrDefault(u.getId(), Set.of()), tenants.getOrDefault(u.getId(), Set.of()),
                        rows.get(u.getId())))
                .filter(m -> manages(manager, m))
                .sorted(Comparator.comparing((StaffMember m) -> m.name().toLowerCase(Locale.ROOT)).thenComparing(StaffMember::id))
                .toList();
    }

    /** One person, if the manager may manage them; anyone else is simply not found. */
    @Transactional(readOnly = true)
    Optional<StaffMember> find(CurrentUser manager, String userId) {
        return load(userId).filter(m -> manages(manager, m));
    }

    /** Invites a person by mail: the account, its role and networks, and a link to set the password (72 hours). */
    @Transactional
    Optional<String> invite(CurrentUser manager, StaffForm form, Errors errors) {
        if (!EMAIL.matcher(form.getEmail()).matches() || form.getEmail().length() > 200) {
            errors.rejectValue("email", "staff.email.invalid");
        } else if (identity.createUserQuery().userEmail(form.getEmail()).count() > 0) {
            errors.rejectValue("email", "staff.email.taken");
        }
        if (form.getFirstName().isBlank() || form.getFirstName().length() > 100) {
            errors.rejectValue("firstName", "staff.firstName.required");
        }
        if (form.getLastName().length() > 100) {
            errors.rejectValue("lastName", "staff.lastName.tooLong");
        }
        checkRoles(manager, form, null, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String id = freeUsername(form.getEmail());
        User user = identity.newUser(id);
        user.setFirstName(form.getFirstName());
        user.setLastName(form.getLastName());
        user.setEmail(form.getEmail());
        user.setPassword(Tokens.create()); // nobody knows it: the person sets their own through the link
        identity.saveUser(user);
        applyRoles(id, form, Set.of(), Set.of());
        accounts.save(StaffAccount.invited(id, manager.id(), clock.instant()));
        links.mail(user, StaffLink.Purpose.INVITATION, Map.of("invitedBy", manager.displayName(),
                "networks", networkNames(form.getNetworks())));
        return Optional.of(id);
    }

    /** Changes a person's role, networks and (by the admin) lead and admin groups; the person logs in again. */
    @Transactional
    boolean changeRoles(CurrentUser manager, String userId, StaffForm form, Errors errors) {
        StaffMember member = find(manager, userId).orElseThrow(NotFound::new);
        if (member.id().equals(manager.id())) {
            errors.reject("staff.self");
        }
        checkRoles(manager, form, member, errors);
        if (errors.hasErrors()) {
            return false;
        }
        applyRoles(userId, form, roleGroups(member), Set.copyOf(member.networks()));
        sessions.end(userId); // a session keeps the groups it logged in with
        return true;
    }

    /**
     * Switches an account off: the password becomes one nobody knows (so Camunda's webapps and REST API refuse it
     * too), open links end, and every session of the person ends at once.
     */
    @Transactional
    boolean deactivate(CurrentUser manager, String userId, Errors errors) {
        StaffMember member = find(manager, userId).orElseThrow(NotFound::new);
        if (member.id().equals(manager.id())) {
            errors.reject("staff.self");
            return false;
        }
        if (!member.active()) {
            return true;
        }
        Instant now = clock.instant();
        StaffAccount account = accounts.findById(userId).orElseGet(() -> StaffAccount.existing(userId));
        account.deactivate(manager.id(), now);
        accounts.save(account);
        scramblePassword(userId);
        links.revokeAll(userId, now);
        sessions.end(userId);
        return true;
    }

    /**
     * Switches an account on again: as after an invitation, nobody knows the password (not even one set in Camunda
     * Admin meanwhile) until the person sets one through the mailed link (72 hours).
     */
    @Transactional
    void reactivate(CurrentUser manager, String userId) {
        StaffMember member = find(manager, userId).orElseThrow(NotFound::new);
        if (member.active()) {
            return;
        }
        StaffAccount account = accounts.findById(userId).orElseThrow();
        account.reactivate();
        accounts.save(account);
        User user = scramblePassword(userId);
        links.mail(user, StaffLink.Purpose.INVITATION,
                Map.of("invitedBy", manager.displayName(), "networks", networkNames(member.networks())));
    }

    /** A password nobody knows, not even us. */
    private User scramblePassword(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(Tokens.create());
        identity.saveUser(user);
        return user;
    }

    /** Whether the manager may manage this person at all. */
    static boolean manages(CurrentUser manager, StaffMember member) {
        if (manager.isAdmin()) {
            return true;
        }
        return manager.isSecretariatLead() && !member.admin() && !member.networks().isEmpty()
                && manager.networks().containsAll(member.networks());
    }

    private void checkRoles(CurrentUser manager, StaffForm form, StaffMember current, Errors errors) {
        if (form.getRole() == null) {
            errors.rejectValue("role", "staff.role.required");
        }
        Set<String> givable = givable(manager).stream().map(Network::getId).collect(Collectors.toSet());
        if (form.getNetworks().isEmpty() && !form.isAdmin()) {
            errors.rejectValue("networks", "staff.networks.required");
        } else if (!givable.containsAll(form.getNetworks())) {
            errors.rejectValue("networks", "staff.networks.notYours");
        }
        boolean wasLead = current != null && current.lead();
        boolean wasAdmin = current != null && current.admin();
        if (!manager.isAdmin() && form.isLead() != wasLead) {
            errors.rejectValue("lead", "staff.lead.adminOnly");
        }
        if (!manager.isAdmin() && form.isAdmin() != wasAdmin) {
            errors.rejectValue("admin", "staff.admin.adminOnly");
        }
        if (form.isLead() && form.getRole() != StaffRole.SECRETARIAT) {
            errors.rejectValue("lead", "staff.lead.secretariatOnly");
        }
    }

    private void applyRoles(String userId, StaffForm form, Set<String> groupsBefore, Set<String> networksBefore) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(form.getRole().group);
        if (form.isLead()) {
            groups.add(CurrentUser.SECRETARIAT_LEAD);
        }
        if (form.isAdmin()) {
            groups.add(CurrentUser.ADMIN);
            groups.add(CurrentUser.CAMUNDA_ADMIN);
        }
        for (String group : groupsBefore) {
            if (!groups.contains(group)) {
                identity.deleteMembership(userId, group);
            }
        }
        for (String group : groups) {
            if (!groupsBefore.contains(group)) {
                identity.createMembership(userId, group);
            }
        }
        Set<String> after = Set.copyOf(form.getNetworks());
        for (String network : networksBefore) {
            if (!after.contains(network)) {
                identity.deleteTenantUserMembership(network, userId);
            }
        }
        for (String network : after) {
            if (!networksBefore.contains(network)) {
                identity.createTenantUserMembership(network, userId);
            }
        }
    }

    /** The groups this page manages that the person is in now. */
    private static Set<String> roleGroups(StaffMember m) {
        Set<String> groups = new HashSet<>();
        if (m.role() != null) {
            groups.add(m.role().group);
        }
        if (m.lead()) {
            groups.add(CurrentUser.SECRETARIAT_LEAD);
        }
        if (m.admin()) {
            groups.add(CurrentUser.ADMIN);
            groups.add(CurrentUser.CAMUNDA_ADMIN);
        }
        return groups;
    }

    private Optional<StaffMember> load(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        Set<String> tenants = identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId)
                .collect(Collectors.toSet());
        return Optional.of(member(user, groups, tenants, accounts.findById(userId).orElse(null)));
    }

    private static StaffMember member(User u, Set<String> groups, Set<String> tenants, StaffAccount account) {
        StaffRole role = groups.contains(CurrentUser.SECRETARIAT) ? StaffRole.SECRETARIAT
                : groups.contains(CurrentUser.BOARD) ? StaffRole.BOARD : null;
        boolean admin = groups.contains(CurrentUser.ADMIN) || groups.contains(CurrentUser.CAMUNDA_ADMIN);
        return new StaffMember(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail(), role,
                groups.contains(CurrentUser.SECRETARIAT_LEAD), admin, tenants.stream().sorted().toList(),
                account == null || account.isActive(), account == null ? null : account.getInvitedAt(),
                account == null ? null : account.getDeactivatedAt());
    }

    private String networkNames(List<String> ids) {
        return ids.stream().map(networks::network).flatMap(Optional::stream).map(Network::getName)
                .collect(Collectors.joining(", "));
    }

    /** The address's local part as a user name Camunda accepts, numbered when taken. */
    private String freeUsername(String email) {
        String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "").replaceAll("^[^a-z0-9]+", "");
        if (base.isEmpty()) {
            base = "staff";
        }
        base = base.length() > 40 ? base.substring(0, 40) : base;
        String candidate = base;
        for (int n = 2; identity.createUserQuery().userId(candidate).count() > 0; n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** A person the manager may not manage: not found, as a guessed id tells nothing. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
