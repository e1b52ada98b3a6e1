package org.healthycities.privacy.internal;

import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthycities.privacy.RetentionRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hc.privacy.*}: retention periods per rule key (ISO-8601 periods, e.g. {@code P2Y}, {@code P90D}) and how
 * long one node holds the job's lease. ({@code hc.privacy.retention-cron} is read by {@link RetentionService}'s
 * {@code @Scheduled}.)
 */
@ConfigurationProperties("hc.privacy")
record PrivacySettings(Map<String, Period> retention, Duration retentionLease) {

    PrivacySettings {
        retention = retention == null ? Map.of() : new LinkedHashMap<>(retention);
        retentionLease = retentionLease == null ? Duration.ofHours(1) : retentionLease;
    }

    Period period(RetentionRule rule) {
        return retention.getOrDefault(rule.key(), rule.defaultPeriod());
    }
}
