package org.healthycities.notifications.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.healthycities.notifications.MailStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

    long countByStatusAndNetworkIdIn(MailStatus status, Collection<String> networkIds);


    /** JPQL for the reason {@link MailTextRepository} gives: read for every mail with a key. */
    @Query("select m from OutboxMail m where m.dedupKey = :dedupKey")
    Optional<OutboxMail> findByDedupKey(@Param("dedupKey") String dedupKey);

    Page<OutboxMail> findByStatus(MailStatus status, Pageable page);

    /**
     * Due mails, locked for this transaction. SKIP LOCKED (MySQL 8, MariaDB 10.6+) lets several nodes claim
     * at once without waiting for each other or taking the same mail; a SENDING mail is due again once its
     * claim has run out (its node died mid-send).
     */
    @Query(value = """
            SELECT * FROM mail_outbox WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<OutboxMail> lockDue(@Param("now") Instant now, @Param("limit") int limit);
}
