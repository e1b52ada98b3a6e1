package org.healthycities.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * One set of users: our pages and the REST API log in against Camunda's identity service, behind the
 * {@link LoginGuard}: while a user or the client's address is locked no password is checked at all.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginGuard guard;
    private final AccountStatus accounts;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginGuard guard, AccountStatus accounts) {
        this.identityService = identityService;
        this.guard = guard;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (guard.lockedUntil(username, address).isPresent()) {
            throw new LockedException("Too many failed logins");
        }
        // a closed account reads as a wrong password: the answer tells nobody the password was right
        if (username == null || username.isBlank() || !identityService.checkPassword(username, password)
                || !accounts.active(username)) {
            guard.failed(username, address);
            throw new BadCredentialsException("Bad credentials");
        }
        guard.succeeded(username, address);
        CurrentUser user = load(username);
        List<SimpleGrantedAuthority> authorities = user.groups().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    CurrentUser load(String username) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        Set<String> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).collect(Collectors.toUnmodifiableSet());
        Set<String> tenants = identityService.createTenantQuery().userMember(username).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).collect(Collectors.toUnmodifiableSet());
        String name = user == null ? username
                : ((nz(user.getFirstName()) + " " + nz(user.getLastName())).trim());
        return new CurrentUser(username, name.isEmpty() ? username : name, groups, tenants);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
