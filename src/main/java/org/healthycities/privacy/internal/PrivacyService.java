package org.healthycities.privacy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds, exports and erases a person's data across all features (each through its {@link PersonalDataHolder}). */
@Service
@Transactional
public class PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);

    /** What an erase did: records changed or deleted per holder. */
    public record Erasure(Map<String, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final List<PersonalDataHolder> holders;
    private final PrivacyAudit audit;
    private final ObjectMapper json;
    private final Clock clock;

    PrivacyService(List<PersonalDataHolder> holders, PrivacyAudit audit, ObjectMapper json, Clock clock) {
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Every record that holds the person's data, in the holders' order. */
    @Transactional(readOnly = true)
    public List<PersonalRecord> find(PersonQuery person) {
        requireValid(person);
        List<PersonalRecord> all = new ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            all.addAll(holder.find(person));
        }
        return all;
    }

    /** One JSON document with every record that holds the person's data; the export is audited (without the data). */
    public byte[] export(PersonQuery person, String actor) {
        List<PersonalRecord> records = find(person);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", clock.instant().toString());
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("email", person.email());
        query.put("name", person.name());
        document.put("query", query);
        document.put("recordCount", records.size());
        document.put("records", records.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", r.type());
            row.put("id", r.id());
            row.put("network", r.network());
            row.put("summary", r.summary());
            row.put("data", r.data());
            return row;
        }).toList());
        audit.record(actor, PrivacyAudit.Action.EXPORT, countByType(records));
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Export could not be written", e);
        }
    }

    /** Erases the person's data in every feature, in one transaction, and audits how many records changed. */
    public Erasure erase(PersonQuery person, String actor) {
        requireValid(person);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            int n = holder.erase(person);
            if (n > 0) {
                counts.merge(holderName(holder), n, Integer::sum);
            }
        }
        audit.record(actor, PrivacyAudit.Action.ERASE, counts);
        log.info("Personal data erased by {}: {}", actor, counts);
        return new Erasure(counts);
    }

    @Transactional(readOnly = true)
    List<PrivacyAudit.Row> auditRows(int limit) {
        return audit.latest(limit);
    }

    private static Map<String, Integer> countByType(List<PersonalRecord> records) {
        Map<String, Integer> counts = new TreeMap<>();
        records.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }

    private static String holderName(PersonalDataHolder holder) {
        String name = AopUtils.getTargetClass(holder).getSimpleName();
        return name.endsWith("PersonalData") ? name.substring(0, name.length() - "PersonalData".length()) : name;
    }

    private static void requireValid(PersonQuery person) {
        if (!person.problems().isEmpty()) {
            throw new IllegalArgumentException("Invalid person query: " + person.problems());
        }
    }
}
