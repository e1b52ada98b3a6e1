package org.healthycities.network.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.healthycities.network.Member;
import org.healthycities.network.MemberStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository extends JpaRepository<Member, Long> {
    @Query("""
            select m from Member m where m.networkId in :networks
            and (:status is null or m.status = :status)
            and (:q = '' or lower(m.name) like lower(concat('%', :q, '%')) or m.code like concat(:q, '%'))""")
    Page<Member> search(@Param("networks") Collection<String> networkIds, @Param("status") MemberStatus status,
                        @Param("q") String query, Pageable page);

    Optional<Member> findByNetworkIdAndCode(String networkId, String code);

    List<Member> findByNetworkIdAndStatusOrderByName(String networkId, MemberStatus status);

    @Query("select distinct m from Member m left join fetch m.themeGroups where m.networkId = :network")
    List<Member> findByNetworkId(@Param("network") String networkId);

    @Query("""
            select distinct m from Member m left join fetch m.themeGroups where m.networkId in :networks
            and (:status is null or m.status = :status)
            and (:q = '' or lower(m.name) like lower(concat('%', :q, '%')) or m.code like concat(:q, '%'))
            order by m.networkId, m.name""")
    List<Member> all(@Param("networks") Collection<String> networkIds, @Param("status") MemberStatus status,
                     @Param("q") String query);
}
