package org.healthycities.network;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NetworkRepository extends JpaRepository<Network, String> {
    List<Network> findAllByOrderByName();
}

interface StrategyRepository extends JpaRepository<Strategy, Long> {
    List<Strategy> findByNetworkIdOrderByFirstYearDesc(String networkId);
}

interface TagRepository extends JpaRepository<Tag, Tag.Key> {
    List<Tag> findByTagSetOrderByPosition(String tagSet);
}

interface ThemeGroupRepository extends JpaRepository<ThemeGroup, Long> {
    List<ThemeGroup> findByNetworkIdOrderByName(String networkId);

    List<ThemeGroup> findByNetworkIdInOrderByNetworkIdAscNameAsc(Collection<String> networkIds);

    boolean existsByNetworkIdAndNameIgnoreCase(String networkId, String name);

    @Query("""
            select count(g) > 0 from ThemeGroup g where g.networkId = :network and lower(g.name) = lower(:name)
            and (:exceptId is null or g.id <> :exceptId)""")
    boolean nameTaken(@Param("network") String networkId, @Param("name") String name, @Param("exceptId") Long exceptId);
}

interface PossibleMemberRepository extends JpaRepository<PossibleMember, Long> {
    Optional<PossibleMember> findByNetworkIdAndCode(String networkId, String code);

    long countByNetworkId(String networkId);

    List<PossibleMember> findByNetworkId(String networkId);

    @Query("""
            select p from PossibleMember p where p.networkId = :network
            and (lower(p.name) like lower(concat('%', :q, '%')) or p.code like concat(:q, '%'))""")
    Page<PossibleMember> page(@Param("network") String networkId, @Param("q") String query, Pageable page);
}

interface MemberRepository extends JpaRepository<Member, Long> {
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

interface MemberChangeRepository extends JpaRepository<MemberChange, Long> {
    List<MemberChange> findByMemberIdOrderByChangedAtDescIdDesc(Long memberId);
}

interface MemberImportFileRepository extends JpaRepository<MemberImportFile, Long> {
    @Modifying
    @Query("delete from MemberImportFile f where f.uploadedAt < :before")
    int deleteUploadedBefore(@Param("before") Instant before);
}
