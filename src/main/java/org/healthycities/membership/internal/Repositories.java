package org.healthycities.membership.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    Optional<Application> findByIdempotencyKey(String key);

    /** Open applications for the same code in the same network that came in before this one. */
    @Query("""
            select count(a) from Application a where a.networkId = :network and a.municipalityCode = :code
            and a.id < :id and a.status in :open""")
    long countEarlierOpen(@Param("network") String networkId, @Param("code") String code, @Param("id") Long id,
                          @Param("open") Collection<ApplicationStatus> open);

    List<Application> findByNetworkIdInOrderBySubmittedAtDesc(Collection<String> networks);

    Optional<Application> findFirstByNetworkIdOrderByIdDesc(String networkId);

    List<Application> findByNetworkIdAndMunicipalityCodeOrderBySubmittedAtDesc(String networkId, String code);

    @Query("""
            select a.status, count(a) from Application a where a.networkId in :networks and a.status in :open
            group by a.status order by a.status""")
    List<Object[]> countOpenByStatus(@Param("networks") Collection<String> networks,
                                     @Param("open") Collection<ApplicationStatus> open);

    /** The applications list: by municipality name or code, status and network, closed ones too, newest first. */
    @Query("""
            select a from Application a where a.networkId in :networks
            and (:status is null or a.status = :status)
            and (:q = '' or lower(a.municipalityName) like lower(concat('%', :q, '%')) or a.municipalityCode like concat(:q, '%')
                 or a.reference = :q)""")
    Page<Application> search(@Param("networks") Collection<String> networks,
            @Param("status") ApplicationStatus status, @Param("q") String text,
            Pageable page);

    @Query("""
            select a.id from Application a where a.networkId in :networks
            and (lower(a.municipalityName) like lower(concat('%', :q, '%')) or a.municipalityCode like concat(:q, '%')
                 or lower(a.reference) like lower(concat('%', :q, '%')))
            order by a.id desc""")
    List<Long> idsAbout(@Param("networks") Collection<String> networks, @Param("q") String text,
                        Pageable page);
}

interface ApplicationLinkRepository extends JpaRepository<ApplicationLink, Long> {

    @Query("select l from ApplicationLink l where l.tokenHash = :hash and l.expiresAt > :now")
    Optional<ApplicationLink> findValid(@Param("hash") String tokenHash, @Param("now") Instant now);
}

interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByApplicationIdOrderByOccurredAtAscIdAsc(Long applicationId);

    long countByApplicationIdAndKindAndDetailStartingWith(Long applicationId, String kind, String detailPrefix);
}

interface FeeRuleRepository extends JpaRepository<FeeRule, Long> {

    List<FeeRule> findByNetworkIdOrderByFirstYearDesc(String networkId);

    Optional<FeeRule> findByNetworkIdAndFirstYear(String networkId, int firstYear);
}

/** Names the file after a type in it, so the compiler finds its class and an unchanged build compiles nothing again. */
final class Repositories {
    private Repositories() {
    }
}
