package org.healthycities.network.internal;

import java.util.List;
import java.util.Optional;
import org.healthycities.network.PossibleMember;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PossibleMemberRepository extends JpaRepository<PossibleMember, Long> {
    Optional<PossibleMember> findByNetworkIdAndCode(String networkId, String code);

    long countByNetworkId(String networkId);

    List<PossibleMember> findByNetworkId(String networkId);

    /**
     * A network's possible members whose name contains (in any case) or whose code starts with the query; derived,
     * not a query string: the start seeds through this repository, and a query string here made the start parse
     * it with Spring Data's and Hibernate's HQL parsers, cold, about a second of the start's main thread.
     */
    default Page<PossibleMember> page(String networkId, String query, Pageable page) {
        return findByNetworkIdAndNameContainingIgnoreCaseOrNetworkIdAndCodeStartingWith(networkId, query, networkId,
                query, page);
    }

    Page<PossibleMember> findByNetworkIdAndNameContainingIgnoreCaseOrNetworkIdAndCodeStartingWith(
            String networkId, String name, String sameNetworkId, String code, Pageable page);
}
