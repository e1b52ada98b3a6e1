package org.healthycities.network;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Members of the networks. Every read and write names the networks the caller may see, so a secretariat
 * never reaches another network's member, not even by guessing an id.
 */
@Service
@Transactional
public class MemberService {

    public static final int PAGE_SIZE = 25;

    private final MemberRepository members;
    private final ThemeGroupRepository themeGroups;
    private final PossibleMemberRepository possibleMembers;
    private final NetworkClock time;

    MemberService(MemberRepository members, ThemeGroupRepository themeGroups, PossibleMemberRepository possibleMembers,
                  NetworkClock time) {
        this.members = members;
        this.themeGroups = themeGroups;
        this.possibleMembers = possibleMembers;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public Page<Member> search(Collection<String> networks, String query, MemberStatus status, int page) {
        if (networks.isEmpty()) {
            return Page.empty();
        }
        return members.search(networks, status, query == null ? "" : query.trim(),
                PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by("name")));
    }

    @Transactional(readOnly = true)
    public Optional<Member> find(Collection<String> networks, Long id) {
        return members.findById(id).filter(m -> networks.contains(m.getNetworkId()))
                .map(m -> { m.getThemeGroups().size(); return m; });
    }

    @Transactional(readOnly = true)
    public Optional<Member> findByCode(String networkId, String code) {
        return members.findByNetworkIdAndCode(networkId, code);
    }

    @Transactional(readOnly = true)
    public List<Member> activeMembers(String networkId, LocalDate on) {
        return members.findByNetworkIdAndStatusOrderByName(networkId, MemberStatus.ACTIVE).stream()
                .filter(m -> m.isActiveOn(on)).toList();
    }

    /**
     * Saves the edit page. Checks that cannot be said by annotations (a code the network knows, no other
     * member with the code, theme groups of the member's own network, the version the person saw) land
     * in {@code errors}; nothing is written when there is any.
     */
    public Optional<Member> update(Collection<String> networks, Long id, int seenVersion, MemberDetails details,
                                   Errors errors) {
        Optional<Member> found = members.findById(id).filter(m -> networks.contains(m.getNetworkId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Member member = found.get();
        if (member.getVersion() != seenVersion) {
            errors.reject("member.stale");
        }
        MemberKind kind = checkCode(member.getNetworkId(), details, member.getId(), errors);
        Set<ThemeGroup> groups = checkThemeGroups(member.getNetworkId(), details, errors);
        if (errors.hasErrors()) {
            return found;
        }
        member.apply(details, kind, groups, time.today(member.getNetworkId()));
        // a save racing this one between the check and the flush fails the flush; the controller tells the person
        return Optional.of(members.saveAndFlush(member));
    }

    /** Creates a member, for the onboarding process; the code must be a known possible member. */
    public Member create(String networkId, MemberDetails details) {
        PossibleMember possible = possibleMembers.findByNetworkIdAndCode(networkId, details.code().trim())
                .orElseThrow(() -> new IllegalArgumentException("Unknown code " + details.code()));
        Member member = members.findByNetworkIdAndCode(networkId, possible.getCode())
                .orElseGet(() -> new Member(networkId, possible.getCode(), possible.getName(), possible.getKind(),
                        MemberStatus.ACTIVE));
        Set<ThemeGroup> groups = new HashSet<>(themeGroups.findAllById(details.themeGroupIds()));
        groups.removeIf(g -> !g.getNetworkId().equals(networkId));
        member.apply(details.withOfficialName(possible.getCode(), possible.getName()), possible.getKind(), groups,
                time.today(networkId));
        return members.save(member);
    }

    private MemberKind checkCode(String networkId, MemberDetails details, Long memberId, Errors errors) {
        if (details.code() == null || details.code().isBlank()) {
            return null;
        }
        Optional<PossibleMember> possible = possibleMembers.findByNetworkIdAndCode(networkId, details.code().trim());
        if (possible.isEmpty()) {
            errors.rejectValue("code", "member.code.unknown");
            return null;
        }
        members.findByNetworkIdAndCode(networkId, details.code().trim())
                .filter(other -> !other.getId().equals(memberId))
                .ifPresent(other -> errors.rejectValue("code", "member.code.taken"));
        return possible.get().getKind();
    }

    private Set<ThemeGroup> checkThemeGroups(String networkId, MemberDetails details, Errors errors) {
        List<ThemeGroup> found = themeGroups.findAllById(details.themeGroupIds());
        if (found.size() != details.themeGroupIds().size()
                || found.stream().anyMatch(g -> !g.getNetworkId().equals(networkId))) {
            errors.rejectValue("themeGroupIds", "member.themeGroups.unknown");
        }
        return new HashSet<>(found);
    }
}
