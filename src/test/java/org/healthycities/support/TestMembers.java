package org.healthycities.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.security.CurrentUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test fixtures for members, made through the public member service. */
@Component
public class TestMembers {

    private final MemberService members;

    TestMembers(MemberService members) {
        this.members = members;
    }

    /** The member with this code, created active if it does not exist yet. */
    public Member activeMember(String network, String code) {
        return members.findByCode(network, code).orElseGet(() -> members.create(network,
                new MemberDetails(code, "ignored", MemberStatus.ACTIVE, java.time.LocalDate.of(2020, 1, 1), 43_000,
                        null, null, null, null, null, null, null, "Anne Koordinator", "anne@example.org", null,
                        null)));
    }

    public Member reload(Member member) {
        return members.findByCode(member.getNetworkId(), member.getCode()).orElseThrow();
    }

    /** Logs a Camunda identity user in for MockMvc, as the login form would. */
    public static RequestPostProcessor login(IdentityService identity, String userId) {
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        Set<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).collect(Collectors.toSet());
        CurrentUser user = new CurrentUser(userId, userId, groups, tenants);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList()));
    }
}
