package org.healthycities.network;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.internal.NetworkRepository;
import org.healthycities.network.internal.PossibleMemberRepository;
import org.healthycities.network.internal.StrategyRepository;
import org.healthycities.network.internal.TagRepository;
import org.healthycities.network.internal.ThemeGroupRepository;
import org.healthycities.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's reference data, for the pages of this feature and for the other features. */
@Service
@Transactional(readOnly = true)
public class NetworkDirectory {

    private final NetworkRepository networks;
    private final StrategyRepository strategies;
    private final TagRepository tags;
    private final ThemeGroupRepository themeGroups;
    private final PossibleMemberRepository possibleMembers;
    private final NetworkClock time;

    NetworkDirectory(NetworkRepository networks, StrategyRepository strategies, TagRepository tags,
                     ThemeGroupRepository themeGroups, PossibleMemberRepository possibleMembers, NetworkClock time) {
        this.networks = networks;
        this.strategies = strategies;
        this.tags = tags;
        this.themeGroups = themeGroups;
        this.possibleMembers = possibleMembers;
        this.time = time;
    }

    public List<Network> networks() {
        return networks.findAllByOrderByName();
    }

    /** The networks a logged-in person may see: their own, or all for the admin. */
    public Set<String> visibleTo(CurrentUser user) {
        return user.visibleNetworks(networks.findAll().stream().map(Network::getId).toList());
    }

    /**
     * The network a form offers first: among the person's own networks (all, for an admin of none), the one that
     * speaks the page's language, else the first.
     */
    public Optional<String> defaultFor(CurrentUser user, Locale locale) {
        Set<String> visible = visibleTo(user);
        List<Network> seen = networks().stream().filter(n -> visible.contains(n.getId())).toList();
        List<Network> own = seen.stream().filter(n -> user.networks().contains(n.getId())).toList();
        List<Network> candidates = own.isEmpty() ? seen : own;
        return candidates.stream().filter(n -> n.getLanguage().equals(locale.getLanguage())).findFirst()
                .or(() -> candidates.stream().findFirst()).map(Network::getId);
    }

    /** The network's name for a page that holds only its id (e.g. a feature's rows); the id if unknown. */
    public String nameOf(String id) {
        return network(id).map(Network::getName).orElse(id);
    }

    public Optional<Network> network(String id) {
        return id == null ? Optional.empty() : networks.findById(id);
    }

    public List<Strategy> strategies(String networkId) {
        List<Strategy> list = strategies.findByNetworkIdOrderByFirstYearDesc(networkId);
        list.forEach(s -> s.allGoals().size()); // load goals inside the transaction
        return list;
    }

    /** The strategy in force in a year (the newest one covering it), with its goals loaded. */
    public Optional<Strategy> strategyFor(String networkId, int year) {
        return strategies(networkId).stream().filter(s -> s.covers(year)).findFirst();
    }

    /** The strategy in force in the network's current year (its own zone decides around New Year). */
    public Optional<Strategy> currentStrategy(String networkId) {
        return strategyFor(networkId, time.today(networkId).getYear());
    }

    public List<Tag> sdgs() {
        return tags.findByTagSetOrderByPosition(Tag.SDG);
    }

    public List<Tag> sixPs() {
        return tags.findByTagSetOrderByPosition(Tag.SIX_P);
    }

    public List<ThemeGroup> themeGroups(String networkId) {
        return themeGroups.findByNetworkIdOrderByName(networkId);
    }

    public List<ThemeGroup> themeGroups(Collection<String> networkIds) {
        return themeGroups.findByNetworkIdInOrderByNetworkIdAscNameAsc(networkIds);
    }

    public Optional<PossibleMember> possibleMember(String networkId, String code) {
        return code == null ? Optional.empty() : possibleMembers.findByNetworkIdAndCode(networkId, code.trim());
    }

    public List<PossibleMember> searchPossibleMembers(String networkId, String query, int max) {
        return possibleMembers.page(networkId, query == null ? "" : query.trim(), PageRequest.of(0, max, Sort.by("name")))
                .getContent();
    }

    /** One page of a network's possible members, by name, whose name contains or whose code starts with the query. */
    public Page<PossibleMember> possibleMembers(String networkId, String query, int page) {
        return possibleMembers.page(networkId, query == null ? "" : query.trim(),
                PageRequest.of(Math.max(0, page), MemberService.PAGE_SIZE, Sort.by("name", "code")));
    }

    public long countPossibleMembers(String networkId) {
        return possibleMembers.countByNetworkId(networkId);
    }
}
