package org.healthycities.privacy;

import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hc.privacy.*}: retention periods per rule key (ISO-8601 periods, e.g. {@code P2Y}, {@code P90D}),
 * when the retention job runs (a cron expression), and how long one node holds the job's lease.
 */
@ConfigurationProperties("hc.privacy")
record PrivacySettings(Map<String, Period> retention, String retentionCron, Duration retentionLease) {

    PrivacySettings {
        retention = retention == null ? Map.of() : new LinkedHashMap<>(retention);
        retentionCron = retentionCron == null ? "0 15 3 * * *" : retentionCron;
        retentionLease = retentionLease == null ? Duration.ofHours(1) : retentionLease;
    }

    Period period(RetentionRule rule) {
        return retention.getOrDefault(rule.key(), rule.defaultPeriod());
    }
}
