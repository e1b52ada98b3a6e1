package org.healthycities.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.privacy.Erased;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.workshop.internal.WorkshopPersonFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Records aged in the database, then the retention job run with a given "now". */
@IntegrationTest
class RetentionIT {

    @Autowired RetentionService retention;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired WorkshopPersonFixtures workshops;

    final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void agedRecordsAreAnonymisedOrDeletedAndFreshOnesStay() {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.MICROS);
        long sentOld = mail("sent-old", "SENT", now.minus(Duration.ofDays(91)));
        long sentNew = mail("sent-new", "SENT", now.minus(Duration.ofDays(89)));
        long failedOld = mail("failed-old", "FAILED", now.minus(Duration.ofDays(367)));
        long failedNew = mail("failed-new", "FAILED", now.minus(Duration.ofDays(200)));
        long pendingOld = mail("pending-old", "PENDING", now.minus(Duration.ofDays(400)));

        Map<String, Long> old = workshops.joinAndAnswer("Gammel Deltager " + unique, "old." + unique + "@example.org",
                "Svar der bliver");
        Map<String, Long> recent = workshops.joinAndAnswer("Ny Deltager " + unique, "new." + unique + "@example.org",
                "Svar");
        jdbc.update("UPDATE workshop SET starts_on = ?, ends_on = ? WHERE id = ?",
                java.sql.Date.valueOf("2020-11-14"), java.sql.Date.valueOf("2020-11-15"), old.get("workshop"));

        long lapsedOld = application("LAPSED", now.minus(Duration.ofDays(800)));
        long rejectedNew = application("REJECTED", now.minus(Duration.ofDays(300)));
        long approvedOld = application("APPROVED", now.minus(Duration.ofDays(1500)));
        // the applicant was erased by hand (which ends the application WITHDRAWN); the other contacts remain
        long applicantErased = application("WITHDRAWN", now.minus(Duration.ofDays(800)));
        String coordinator = jdbc.queryForObject("SELECT coordinator_name FROM membership_application WHERE id = ?",
                String.class, applicantErased);
        jdbc.update("UPDATE membership_application SET admin_contact_name = ?, admin_contact_email = ?,"
                + " motivation = ? WHERE id = ?", Erased.MARKER, Erased.MARKER, "Spørg " + coordinator, applicantErased);

        Map<String, Integer> counts = retention.run(now);
        assertThat(counts).containsKeys("sent-mails", "failed-mails", "workshop-participants", "closed-applications");
        assertThat(counts.get("sent-mails")).isPositive();

        assertThat(exists("mail_outbox", sentOld)).isFalse();
        assertThat(exists("mail_outbox", failedOld)).isFalse();
        assertThat(exists("mail_outbox", sentNew)).isTrue();
        assertThat(exists("mail_outbox", failedNew)).isTrue();
        assertThat(exists("mail_outbox", pendingOld)).isTrue();

        assertThat(jdbc.queryForMap("SELECT name, email FROM workshop_participant WHERE id = ?", old.get("participant")))
                .containsEntry("name", Erased.MARKER).containsEntry("email", null);
        assertThat(jdbc.queryForObject("SELECT email FROM workshop_participant WHERE id = ?", String.class,
                recent.get("participant"))).isEqualTo("new." + unique + "@example.org");
        assertThat(jdbc.queryForObject("SELECT value FROM workshop_answer WHERE updated_by = ?", String.class,
                old.get("participant"))).isEqualTo("Svar der bliver");

        assertThat(contact(lapsedOld)).isEqualTo(Erased.MARKER);
        assertThat(jdbc.queryForObject("SELECT motivation FROM membership_application WHERE id = ?", String.class,
                lapsedOld)).isEqualTo("Motivation");
        assertThat(contact(rejectedNew)).endsWith("@example.org");
        assertThat(contact(approvedOld)).endsWith("@example.org");
        assertThat(jdbc.queryForMap("SELECT political_contact_name, political_contact_email, coordinator_name,"
                + " coordinator_email, motivation FROM membership_application WHERE id = ?", applicantErased))
                .containsEntry("political_contact_name", Erased.MARKER)
                .containsEntry("political_contact_email", Erased.MARKER)
                .containsEntry("coordinator_name", Erased.MARKER)
                .containsEntry("coordinator_email", Erased.MARKER)
                .containsEntry("motivation", "Spørg " + Erased.MARKER);

        // a second run finds nothing more (idempotent, as two nodes may both run it)
        Map<String, Integer> again = retention.run(now);
        assertThat(again).containsEntry("closed-applications", 0).containsEntry("sent-mails", 0)
                .containsEntry("failed-mails", 0).containsEntry("workshop-participants", 0);
        assertThat(again.values()).allMatch(n -> n == 0);
        assertThat(contact(lapsedOld)).isEqualTo(Erased.MARKER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_audit WHERE action = 'RETENTION'", Integer.class))
                .isGreaterThanOrEqualTo(2);
    }

    /** The lease test takes the lease far in the future: free it again for the scheduled job and other tests. */
    @AfterEach
    void releaseLease() {
        jdbc.update("UPDATE privacy_job_lock SET locked_until = '2000-01-01 00:00:00', locked_by = NULL WHERE name = ?",
                RetentionService.JOB);
    }

    @Test
    void oneNodeAtATimeHoldsTheLease() throws Exception {
        Instant now = TestClock.now().plus(Duration.ofDays(3650)); // later than any lease another test took
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> nodes = List.of(() -> retention.tryLease("node-a", now),
                    () -> retention.tryLease("node-b", now));
            List<Future<Boolean>> results = pool.invokeAll(nodes);
            long winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(retention.tryLease("node-c", now.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(retention.tryLease("node-c", now.plus(Duration.ofHours(2)))).isTrue();
    }

    private long mail(String label, String status, Instant created) {
        long id = mailer.send(OutgoingMail.to(label + "." + unique + "@example.org", Locale.forLanguageTag("da"),
                "notifications/mail/test", "sund-by").with("message", "x").with("items", List.of("a")));
        // let the sender deliver it first, so it cannot overwrite the state set here
        for (int i = 0; i < 100 && mailer.status(id).map(s -> s.name().startsWith("PENDING")
                || s.name().equals("SENDING")).orElse(false); i++) {
            sleep();
        }
        jdbc.update("UPDATE mail_outbox SET status = ?, created_at = ?, sent_at = ?, next_attempt_at = ? WHERE id = ?",
                status, Timestamp.from(created), "SENT".equals(status) ? Timestamp.from(created) : null,
                Timestamp.from(created.plus(Duration.ofDays(36500))), id);
        return id;
    }

    /** An application row as the membership feature keeps it, decided at the given time. */
    private long application(String status, Instant decided) {
        String key = UUID.randomUUID().toString();
        String code = "r-" + key.substring(0, 8);
        jdbc.update("INSERT INTO membership_application (network_id, idempotency_key, status, language,"
                        + " municipality_code, municipality_name, kind, population, political_contact_name,"
                        + " political_contact_email, admin_contact_name, admin_contact_email, coordinator_name,"
                        + " coordinator_email, decision_date, decision_body, motivation, consent_text, consent_at,"
                        + " submitted_at, updated_at, decided_at) VALUES ('sund-by', ?, ?, 'da', ?, 'Retentionby',"
                        + " 'MUNICIPALITY', 1000, 'Pol " + code + "', 'pol." + code + "@example.org', 'Adm " + code
                        + "', 'adm." + code + "@example.org', 'Koo " + code + "', 'koo." + code + "@example.org',"
                        + " '2020-01-01', 'Byrådet', 'Motivation', 'Ja', ?, ?, ?, ?)",
                key, status, code, Timestamp.from(decided), Timestamp.from(decided), Timestamp.from(decided),
                Timestamp.from(decided));
        return jdbc.queryForObject("SELECT id FROM membership_application WHERE idempotency_key = ?", Long.class, key);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String contact(long applicationId) {
        return jdbc.queryForObject("SELECT admin_contact_email FROM membership_application WHERE id = ?", String.class,
                applicationId);
    }

    private boolean exists(String table, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id) == 1;
    }
}
