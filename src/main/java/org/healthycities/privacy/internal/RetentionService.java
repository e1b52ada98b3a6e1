package org.healthycities.privacy.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthycities.privacy.RetentionRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies every feature's {@link RetentionRule} once a day ({@code hc.privacy.retention-cron}).
 * <p>
 * Safe on several nodes: a node first takes a lease on the {@code privacy_job_lock} row with one conditional
 * UPDATE (only one node's update matches while the lease runs), and the rules themselves are idempotent
 * conditional updates and deletes, so even a node that ran after a lease expired would find nothing left to do.
 */
@Service
public class RetentionService {

    static final String JOB = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final List<RetentionRule> rules;
    private final PrivacySettings settings;
    private final PrivacyAudit audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;

    RetentionService(List<RetentionRule> rules, PrivacySettings settings, PrivacyAudit audit, JdbcTemplate jdbc,
                     TransactionTemplate transactions, Clock clock, @Value("${hc.node-name:}") String nodeName) {
        this.node = leaseOwner(nodeName);
        this.rules = rules;
        this.settings = settings;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${hc.privacy.retention-cron:0 15 3 * * *}", zone = "${hc.time-zone:Europe/Copenhagen}")
    void scheduled() {
        Instant now = clock.instant();
        if (tryLease(node, now)) {
            run(now);
        } else {
            log.info("Retention job: another node holds the lease; skipped");
        }
    }

    /**
     * Applies each rule with cutoff {@code now} minus its period, each in its own transaction, and returns the
     * number of records changed or deleted per rule key (logged and audited). A rule that fails is logged and
     * counted -1; the others still run.
     */
    public Map<String, Integer> run(Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            Instant cutoff = now.atZone(ZoneOffset.UTC).minus(settings.period(rule)).toInstant();
            try {
                Integer n = transactions.execute(s -> rule.apply(cutoff));
                counts.put(rule.key(), n == null ? 0 : n);
            } catch (RuntimeException e) {
                log.error("Retention rule {} failed", rule.key(), e);
                counts.put(rule.key(), -1);
            }
        }
        log.info("Retention job at {}: {}", now, counts);
        transactions.executeWithoutResult(s -> audit.record("system", PrivacyAudit.Action.RETENTION, counts));
        return counts;
    }

    /** Takes the job's lease until now + hc.privacy.retention-lease when no other node holds it. */
    boolean tryLease(String owner, Instant now) {
        Integer updated = transactions.execute(s -> jdbc.update(
                "UPDATE privacy_job_lock SET locked_by = ?, locked_until = ? WHERE name = ? AND locked_until < ?",
                owner, Timestamp.from(now.plus(settings.retentionLease())), JOB, Timestamp.from(now)));
        return updated != null && updated == 1;
    }

    /** hc.node-name, else the host name, made unique per process (several may run on one host). */
    private static String leaseOwner(String nodeName) {
        String base = nodeName;
        if (base == null || base.isBlank()) {
            try {
                base = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                base = "node";
            }
        }
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
