package org.healthycities.network;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.network.internal.MemberChangeRepository;
import org.healthycities.network.internal.MemberRepository;
import org.healthycities.network.internal.PossibleMemberRepository;
import org.healthycities.network.internal.ThemeGroupRepository;
import org.springframework.context.ApplicationEventPublisher;
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
    private final MemberChangeRepository changes;
    private final NetworkClock time;
    private final Validator validator;
    private final ApplicationEventPublisher events;

    MemberService(MemberRepository members, ThemeGroupRepository themeGroups, PossibleMemberRepository possibleMembers,
                  MemberChangeRepository changes, NetworkClock time, Validator validator,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.members = members;
        this.themeGroups = themeGroups;
        this.possibleMembers = possibleMembers;
        this.changes = changes;
        this.time = time;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public Page<Member> search(Collection<String> networks, String query, MemberStatus status, int page) {
        if (networks.isEmpty()) {
            return Page.empty();
        }
        return members.search(networks, status, query == null ? "" : query.trim(),
                PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by("name")));
    }

    /** Every member the list would show with this filter, with their theme groups, for an export. */
    @Transactional(readOnly = true)
    public List<Member> all(Collection<String> networks, String query, MemberStatus status) {
        return networks.isEmpty() ? List.of() : members.all(networks, status, query == null ? "" : query.trim());
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

    /** The region a member lies in (a region is its own), from the official list; empty when the list does not say. */
    @Transactional(readOnly = true)
    public Optional<String> region(Member m) {
        return possibleMembers.findByNetworkIdAndCode(m.getNetworkId(), m.getCode())
                .flatMap(self -> self.getKind() == MemberKind.REGION ? Optional.of(self)
                        : possibleMembers.findByNetworkIdAndCode(m.getNetworkId(), self.getRegionCode()))
                .map(PossibleMember::getName);
    }

    /** Every member of the network with its region and theme groups; active means active on this day. */
    @Transactional(readOnly = true)
    public List<MemberFacts> facts(String networkId, LocalDate on) {
        Map<String, PossibleMember> official = new HashMap<>();
        possibleMembers.findByNetworkId(networkId).forEach(p -> official.put(p.getCode(), p));
        return members.findByNetworkId(networkId).stream().sorted(Comparator.comparing(Member::getName))
                .map(m -> {
                    PossibleMember self = official.get(m.getCode());
                    PossibleMember region = self == null ? null
                            : self.getKind() == MemberKind.REGION ? self : official.get(self.getRegionCode());
                    return new MemberFacts(m.getId(), m.getName(), m.getStatus(), m.isActiveOn(on),
                            m.getCoordinatorName(), m.getCoordinatorEmail(), m.getPopulation(),
                            region == null ? null : region.getName(),
                            m.getThemeGroups().stream().map(ThemeGroup::getId).collect(Collectors.toSet()));
                }).toList();
    }

    /**
     * Saves the edit page. Checks that cannot be said by annotations (a code the network knows, no other
     * member with the code, theme groups of the member's own network, the version the person saw) land
     * in {@code errors}; nothing is written when there is any.
     */
    public Optional<Member> update(Collection<String> networks, Long id, int seenVersion, MemberDetails details,
                                   Errors errors, String by) {
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
        change(member, details, kind, groups, by, MemberChange.Source.EDIT);
        // a save racing this one between the check and the flush fails the flush; the controller tells the person
        return Optional.of(members.saveAndFlush(member));
    }

    /**
     * Adds a member who joined outside the application (on paper, before the system): the same checks as the
     * edit page and the import; nothing is written when {@code errors} has any.
     */
    public Optional<Member> add(String networkId, MemberDetails details, Errors errors, String by) {
        MemberKind kind = checkCode(networkId, details, null, errors);
        // the name is the municipality's official one; the person need only give the code
        MemberDetails official = details.code() == null ? details
                : possibleMembers.findByNetworkIdAndCode(networkId, details.code().strip())
                .map(p -> details.withOfficialName(p.getCode(), p.getName())).orElse(details);
        validate(official, errors);
        Set<ThemeGroup> groups = checkThemeGroups(networkId, details, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (official.status() == null) {
            official = official.withStatus(MemberStatus.ACTIVE);
        }
        return Optional.of(create(networkId, official, kind, groups, by, MemberChange.Source.BY_HAND));
    }

    /** Bean validation of the details into {@code errors} (messages in the request's language). */
    void validate(MemberDetails details, Errors errors) {
        for (ConstraintViolation<MemberDetails> v : validator.validate(details)) {
            errors.rejectValue(v.getPropertyPath().toString(), "", v.getMessage());
        }
    }

    /**
     * Every check a member's details must pass in its network (as {@link #add} and the edit page make them), for
     * the import's preview: the code known and not another member's, theme groups of the network.
     */
    MemberKind check(String networkId, MemberDetails details, Long memberId, Errors errors) {
        validate(details, errors);
        MemberKind kind = checkCode(networkId, details, memberId, errors);
        checkThemeGroups(networkId, details, errors);
        return kind;
    }

    /** Writes a new member and its first history line; for the import and the page that adds one by hand. */
    Member create(String networkId, MemberDetails details, MemberKind kind, Set<ThemeGroup> groups, String by,
                  MemberChange.Source source) {
        Member member = members.save(new Member(networkId, details.code(), details.name(), kind, details.status()));
        apply(member, false, details, kind, groups);
        changes.save(new MemberChange(member.getId(), time.now(), by, source,
                new MemberDetails.Change("created", null, details.name())));
        return member;
    }

    /** Changes a member and keeps each changed field's before and after in its history. */
    void change(Member member, MemberDetails details, MemberKind kind, Set<ThemeGroup> groups, String by,
                MemberChange.Source source) {
        List<MemberDetails.Change> diff = details.changesFrom(MemberDetails.of(member), this::themeGroupName);
        apply(member, member.getStatus() == MemberStatus.ACTIVE, details, kind, groups);
        var now = time.now();
        diff.forEach(d -> changes.save(new MemberChange(member.getId(), now, by, source, d)));
    }

    /**
     * The one place a member's details are written (created, edited, imported, onboarded): a member that becomes
     * active by them has joined, which the network tells ({@link MemberJoined}).
     */
    private void apply(Member member, boolean wasActive, MemberDetails details, MemberKind kind,
                       Set<ThemeGroup> groups) {
        member.apply(details, kind, groups, time.today(member.getNetworkId()));
        if (!wasActive && member.getStatus() == MemberStatus.ACTIVE) {
            events.publishEvent(new MemberJoined(member.getNetworkId(), member.getId(), member.getName(),
                    member.getJoinedOn()));
        }
    }

    String themeGroupName(Long id) {
        return themeGroups.findById(id).map(ThemeGroup::getName).orElse("?");
    }

    Set<ThemeGroup> themeGroups(String networkId, Set<Long> ids) {
        Set<ThemeGroup> groups = new HashSet<>(themeGroups.findAllById(ids));
        groups.removeIf(g -> !g.getNetworkId().equals(networkId));
        return groups;
    }

    /** The member's history of changes, newest first. */
    @Transactional(readOnly = true)
    public List<MemberChange> history(Long memberId) {
        return changes.findByMemberIdOrderByChangedAtDescIdDesc(memberId);
    }

    /** Creates a member, for the onboarding process; the code must be a known possible member. */
    public Member create(String networkId, MemberDetails details) {
        PossibleMember possible = possibleMembers.findByNetworkIdAndCode(networkId, details.code().trim())
                .orElseThrow(() -> new IllegalArgumentException("Unknown code " + details.code()));
        Set<ThemeGroup> groups = themeGroups(networkId, details.themeGroupIds());
        MemberDetails official = details.withOfficialName(possible.getCode(), possible.getName());
        Optional<Member> existing = members.findByNetworkIdAndCode(networkId, possible.getCode());
        if (existing.isPresent()) {
            change(existing.get(), official, possible.getKind(), groups, null, MemberChange.Source.ONBOARDING);
            return members.save(existing.get());
        }
        return create(networkId, official.status() == null ? official.withStatus(MemberStatus.ACTIVE) : official,
                possible.getKind(), groups, null, MemberChange.Source.ONBOARDING);
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
