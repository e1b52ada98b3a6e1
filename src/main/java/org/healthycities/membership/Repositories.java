package org.healthycities.membership;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    List<Application> findByNetworkIdAndMunicipalityCodeOrderBySubmittedAtDesc(String networkId, String code);
}

interface ApplicationLinkRepository extends JpaRepository<ApplicationLink, Long> {

    @Query("select l from ApplicationLink l where l.tokenHash = :hash and l.expiresAt > :now")
    Optional<ApplicationLink> findValid(@Param("hash") String tokenHash, @Param("now") Instant now);
}

interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByApplicationIdOrderByOccurredAtAscIdAsc(Long applicationId);
}

interface FeeRuleRepository extends JpaRepository<FeeRule, Long> {

    List<FeeRule> findByNetworkIdOrderByFirstYearDesc(String networkId);

    Optional<FeeRule> findByNetworkIdAndFirstYear(String networkId, int firstYear);
}
