package org.healthycities.network.internal;

import java.util.List;
import java.util.Optional;
import org.healthycities.network.PossibleMember;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PossibleMemberRepository extends JpaRepository<PossibleMember, Long> {
    Optional<PossibleMember> findByNetworkIdAndCode(String networkId, String code);

    long countByNetworkId(String networkId);

    List<PossibleMember> findByNetworkId(String networkId);

    @Query("""
            select p from PossibleMember p where p.networkId = :network
            and (lower(p.name) like lower(concat('%', :q, '%')) or p.code like concat(:q, '%'))""")
    Page<PossibleMember> page(@Param("network") String networkId, @Param("q") String query, Pageable page);
}
