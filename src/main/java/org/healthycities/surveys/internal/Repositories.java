package org.healthycities.surveys.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SurveyRepository extends JpaRepository<Survey, Long> {

    List<Survey> findByNetworkIdInOrderByCreatedAtDesc(Collection<String> networkIds);

    Optional<Survey> findByOpenToken(String token);

    /** The earlier surveys of the same designed form, oldest first, for year over year. */
    List<Survey> findByDesignedFormIdOrderByOpensOnAscIdAsc(Long designedFormId);
}

interface RecipientRepository extends JpaRepository<SurveyRecipient, Long> {

    List<SurveyRecipient> findBySurveyIdOrderByMemberName(Long surveyId);

    Optional<SurveyRecipient> findBySubmissionId(Long submissionId);

    long countBySurveyIdAndInvitedAtIsNotNull(Long surveyId);

    /** Per survey, how many members stand at this status: [surveyId, count] rows, one query for a list page. */
    @Query("select r.surveyId, count(r) from SurveyRecipient r where r.surveyId in :surveys and r.status = :status "
            + "group by r.surveyId")
    List<Object[]> countByStatus(@Param("surveys") Collection<Long> surveyIds, @Param("status") RecipientStatus status);

    @Query("select r.id from SurveyRecipient r where r.surveyId = :survey order by r.id")
    List<Long> idsOf(@Param("survey") Long surveyId, Pageable page);
}

/** Names the file after a type in it, so the compiler finds its class and an unchanged build compiles nothing again. */
final class Repositories {
    private Repositories() {
    }
}
