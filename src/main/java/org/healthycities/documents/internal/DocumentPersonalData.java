package org.healthycities.documents.internal;

import java.sql.Timestamp;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.documents.DocumentService;
import org.healthycities.privacy.Erased;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.healthycities.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Documents whose file name or extracted text mentions the person's address or name. The export lists them (the
 * file itself is downloaded from its record's page). Erasing replaces the mentions in the file name and the
 * extracted text (so search no longer finds the person) but keeps the file: a document belongs to the record that
 * owns it (e.g. a municipality's decision), and that feature decides whether it goes (membership deletes the
 * uploads of applications that did not lead to membership).
 */
@Component
class DocumentPersonalData implements PersonalDataHolder {

    static final String TYPE = "document";

    private final JdbcTemplate jdbc;

    DocumentPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Hit(long id, String network, String ownerType, String ownerId, String filename, String mediaType,
                       long size, Timestamp uploaded) {
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (Hit hit : hits(person)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("owner", hit.ownerType() + "/" + hit.ownerId());
            data.put("filename", hit.filename());
            data.put("mediaType", hit.mediaType());
            data.put("size", hit.size());
            data.put("uploadedAt", hit.uploaded().toInstant());
            records.add(new PersonalRecord(TYPE, String.valueOf(hit.id()), hit.network(),
                    hit.filename() + " (" + hit.ownerType() + " " + hit.ownerId() + ")", data));
        }
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        List<Hit> hits = hits(person);
        for (Hit hit : hits) {
            String text = jdbc.queryForObject("SELECT extracted_text FROM document WHERE id = ?", String.class, hit.id());
            jdbc.update("UPDATE document SET filename = ?, extracted_text = ? WHERE id = ?",
                    Erased.redact(hit.filename(), person), Erased.redact(text, person), hit.id());
        }
        return hits.size();
    }

    private List<Hit> hits(PersonQuery person) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String pattern : person.likePatterns()) {
            ids.addAll(jdbc.queryForList("SELECT id FROM document WHERE filename LIKE ? OR extracted_text LIKE ?",
                    Long.class, pattern, pattern));
        }
        List<Hit> hits = new ArrayList<>();
        for (Long id : ids) {
            hits.addAll(jdbc.query("SELECT id, network_id, owner_type, owner_id, filename, media_type, size, uploaded_at"
                            + " FROM document WHERE id = ?",
                    (rs, i) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8)), id));
        }
        return hits;
    }

    /**
     * Uploads kept across a refused form (pending, see {@link DocumentService#PENDING}) that were never sent
     * again are deleted after a day: the person has left the page, and the file may hold personal data.
     */
    @Configuration(proxyBeanMethods = false)
    static class PendingRetention {

        @Bean
        RetentionRule pendingUploadRetention(JdbcTemplate jdbc) {
            return RetentionRule.of("pending-uploads", Period.ofDays(1),
                    cutoff -> jdbc.update("DELETE FROM document WHERE owner_type LIKE ? AND uploaded_at < ?",
                            DocumentService.PENDING + "%", Timestamp.from(cutoff)));
        }
    }
}
