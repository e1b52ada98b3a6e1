package org.healthycities.surveys;

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

    @Query("select r.id from SurveyRecipient r where r.surveyId = :survey order by r.id")
    List<Long> idsOf(@Param("survey") Long surveyId, Pageable page);
}
