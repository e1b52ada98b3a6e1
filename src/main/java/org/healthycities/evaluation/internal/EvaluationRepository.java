package org.healthycities.evaluation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EvaluationRepository extends JpaRepository<MemberEvaluation, Long> {
    List<MemberEvaluation> findByRoundIdOrderByMemberName(Long roundId);

    Optional<MemberEvaluation> findFirstByNetworkIdOrderByIdDesc(String networkId);

    List<MemberEvaluation> findByMemberIdOrderByRoundIdAsc(Long memberId);

    List<MemberEvaluation> findByStatusIn(Collection<EvaluationStatus> statuses);

    @Query("""
            select e.id from MemberEvaluation e where e.networkId in :networks
            and lower(e.memberName) like lower(concat('%', :q, '%')) order by e.id desc""")
    List<Long> idsAbout(@Param("networks") Collection<String> networks,
                        @Param("q") String text,
                        Pageable page);

    Optional<MemberEvaluation> findByRoundIdAndMemberId(Long roundId, Long memberId);

    long countByRoundId(Long roundId);

    long countByRoundIdAndInvitedAtIsNotNull(Long roundId);

    long countByRoundIdAndStatusIn(Long roundId, Collection<EvaluationStatus> statuses);

    @Query("select e from MemberEvaluation e where e.roundId = :round order by e.id")
    List<MemberEvaluation> ofRound(@Param("round") Long roundId, Pageable page);
}
