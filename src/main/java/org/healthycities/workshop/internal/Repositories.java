package org.healthycities.workshop.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WorkshopRepository extends JpaRepository<Workshop, Long> {
    List<Workshop> findByNetworkIdInAndTemplateOrderByStartsOnDescIdDesc(Collection<String> networkIds,
                                                                        boolean template);
}

interface GroupRepository extends JpaRepository<WorkshopGroup, Long> {
    List<WorkshopGroup> findBySessionIdOrderByPosition(Long sessionId);
}

interface AssignmentRepository extends JpaRepository<Assignment, Long> {
    List<Assignment> findBySessionIdOrderByPosition(Long sessionId);
}

interface QuestionRepository extends JpaRepository<Question, Long> {
    List<Question> findByAssignmentIdInOrderByAssignmentIdAscPositionAsc(Collection<Long> assignmentIds);

    List<Question> findByAssignmentIdOrderByPosition(Long assignmentId);
}

interface ParticipantRepository extends JpaRepository<Participant, Long> {
    Optional<Participant> findByTokenHash(String tokenHash);

    /**
     * What one field's save needs, in one statement: the participant by their link, their session as it stands
     * now, the question if it is on that session's sheets (else null) and the field's row on the group's sheet.
     */
    @Query("""
            select new org.healthycities.workshop.internal.FieldWriter(p, s, q, a.id, f.id) from Participant p
            join WorkshopSession s on s.id = p.sessionId
            left join Question q on q.id = :question and q.removedAt is null
            left join Assignment a on a.id = q.assignmentId and a.sessionId = p.sessionId
            left join Sheet sh on sh.groupId = p.groupId
            left join Answer f on f.sheetId = sh.id and f.questionId = q.id
            where p.tokenHash = :hash""")
    Optional<FieldWriter> fieldWriter(@Param("hash") String tokenHash, @Param("question") Long questionId);

    List<Participant> findBySessionIdOrderById(Long sessionId);

    long countBySessionId(Long sessionId);

    /** The sessions the member's people took part in: workshop, session, first join and how many people. */
    @Query("""
            SELECT w.id, w.title, s.title, MIN(p.joinedAt), COUNT(p) FROM Participant p, WorkshopSession s, Workshop w
            WHERE p.memberId = :memberId AND s.id = p.sessionId AND w.id = s.workshopId
            GROUP BY w.id, w.title, s.id, s.title ORDER BY MIN(p.joinedAt) DESC""")
    List<Object[]> sessionsOfMember(@Param("memberId") Long memberId);
}

interface SheetRepository extends JpaRepository<Sheet, Long> {
    List<Sheet> findBySessionId(Long sessionId);

    Optional<Sheet> findByGroupId(Long groupId);

    /** Hands the sheet in; true only for the first hand-in, so the process hears of it once. */
    @Modifying
    @Query("update Sheet s set s.status = :to, s.submittedAt = :now where s.id = :id and s.status = :from")
    int submit(@Param("id") Long id, @Param("now") Instant now, @Param("from") Sheet.Status from,
               @Param("to") Sheet.Status to);

    /** Hand-ins the process has not heard of yet. */
    List<Sheet> findTop100BySignalledFalseAndStatusOrderBySubmittedAt(Sheet.Status status);

    @Modifying
    @Query("update Sheet s set s.signalled = true where s.id = :id and s.signalled = false")
    int markSignalled(@Param("id") Long id);

    @Modifying
    @Query("update Sheet s set s.status = :to where s.sessionId = :session and s.status = :from")
    int collectDrafts(@Param("session") Long sessionId, @Param("from") Sheet.Status from,
                      @Param("to") Sheet.Status to);
}

interface AnswerRepository extends JpaRepository<Answer, Long> {
    List<Answer> findBySheetIdIn(Collection<Long> sheetIds);

    Optional<Answer> findBySheetIdAndQuestionId(Long sheetId, Long questionId);

    List<Answer> findByQuestionId(Long questionId);

    /** How many sheets hold an answer to the question. */
    @Query("select count(a) from Answer a where a.questionId = :question and a.value is not null and a.value <> ''")
    long countAnswered(@Param("question") Long questionId);

    @Query("select a.id from Answer a where a.sheetId = :sheet and a.questionId = :question")
    Optional<Long> idOf(@Param("sheet") Long sheetId, @Param("question") Long questionId);

    /**
     * A field's save by its key, one statement: written only if nobody saved it since the version the phone saw and
     * it has no open conflict (else the caller looks closer).
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE workshop_answer a
            SET a.value = :value, a.version = a.version + 1, a.updated_at = :now, a.updated_by = :by
            WHERE a.id = :answer AND a.version = :version
            AND NOT EXISTS (SELECT 1 FROM workshop_answer_conflict c WHERE c.answer_id = :answer AND c.resolved_at IS NULL)""")
    int saveUncontested(@Param("answer") Long answerId, @Param("version") int seenVersion, @Param("value") String value,
                        @Param("now") Instant now, @Param("by") Long participantId);

    /** The optimistic save: writes only if nobody saved the field since the version the phone saw. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Answer a set a.value = :value, a.version = a.version + 1, a.updatedAt = :now, a.updatedBy = :by
            where a.sheetId = :sheet and a.questionId = :question and a.version = :version""")
    int save(@Param("sheet") Long sheetId, @Param("question") Long questionId, @Param("version") int seenVersion,
             @Param("value") String value, @Param("now") Instant now, @Param("by") Long participantId);
}

interface FieldConflictRepository extends JpaRepository<FieldConflict, Long> {
    List<FieldConflict> findByAnswerIdAndResolvedAtIsNullOrderById(Long answerId);

    List<FieldConflict> findByAnswerIdInAndResolvedAtIsNullOrderById(Collection<Long> answerIds);

    @Modifying(flushAutomatically = true)
    @Query("""
            update FieldConflict c set c.resolvedAt = :now, c.resolvedBy = :by
            where c.answerId = :answer and c.resolvedAt is null""")
    int resolveAll(@Param("answer") Long answerId, @Param("now") Instant now, @Param("by") Long participantId);
}

interface FieldVersionRepository extends JpaRepository<FieldVersion, Long> {
    List<FieldVersion> findByAnswerIdOrderByVersion(Long answerId);
}

interface SynthesisRepository extends JpaRepository<Synthesis, Long> {
    List<Synthesis> findByQuestionIdIn(Collection<Long> questionIds);
}

/** Names the file after a type in it, so the compiler finds its class and an unchanged build compiles nothing again. */
final class Repositories {
    private Repositories() {
    }
}
