package org.healthycities.documents.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthycities.documents.DocumentService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Searches the extracted text with the database's FULLTEXT index (MySQL and MariaDB alike), in the networks the
 * caller may see, best matches first, a page at a time, each hit with a short passage around the first word.
 */
@Repository
class DocumentSearch {

    static final int PAGE_SIZE = 20;
    /** Words shorter than this are not in an InnoDB FULLTEXT index (innodb_ft_min_token_size). */
    static final int MIN_WORD = 3;
    private static final int SNIPPET = 240;
    /** The three networks keep Central European time; dates are stored in UTC. */
    private static final ZoneId DISPLAY_ZONE = ZoneId.of("Europe/Copenhagen");
    private static final String COLUMNS = """
            d.id, d.network_id, d.owner_type, d.owner_id, d.filename, d.media_type, d.size, d.language, d.uploaded_at,
            GREATEST(1, LOCATE(:word, d.extracted_text) - 80) AS snippet_start, CHAR_LENGTH(d.extracted_text) AS text_length,
            SUBSTRING(d.extracted_text, GREATEST(1, LOCATE(:word, d.extracted_text) - 80), %d) AS snippet"""
            .formatted(SNIPPET);

    /** One line of the result. */
    record Hit(Long id, String networkId, String ownerType, String ownerId, String filename, String mediaType, long size,
               String language, ZonedDateTime uploaded, String snippet) {

        public String type() {
            return TextExtractor.shortName(mediaType);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    DocumentSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Documents whose text has every word of the query (as a word or a word's start); all, newest first, without one. */
    Page<Hit> search(Collection<String> networks, String query, int page) {
        PageRequest request = PageRequest.of(Math.max(0, page), PAGE_SIZE);
        List<String> words = words(query);
        if (networks.isEmpty() || (words.isEmpty() && query != null && !query.isBlank())) {
            return Page.empty(request);
        }
        Map<String, Object> params = Map.of("networks", networks, "word", words.isEmpty() ? "" : words.get(0),
                "match", words.stream().map(w -> "+" + w + "*").collect(Collectors.joining(" ")),
                "limit", PAGE_SIZE, "offset", request.getOffset());
        String where = "d.network_id IN (:networks) AND d.owner_type NOT LIKE '" + DocumentService.PENDING + "%'"
                + (words.isEmpty() ? "" : " AND MATCH (d.extracted_text) AGAINST (:match IN BOOLEAN MODE)");
        String order = words.isEmpty() ? "d.uploaded_at DESC, d.id DESC"
                : "MATCH (d.extracted_text) AGAINST (:match IN BOOLEAN MODE) DESC, d.uploaded_at DESC, d.id DESC";
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM document d WHERE " + where, params, Long.class);
        List<Hit> hits = jdbc.query("SELECT " + COLUMNS + " FROM document d WHERE " + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset", params, HIT);
        return new PageImpl<>(hits, request, total == null ? 0 : total);
    }

    /** The query's words, letters and digits only (so nothing in it is a FULLTEXT operator), long enough to be indexed. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= MIN_WORD).distinct().limit(10).toList();
    }

    private static final RowMapper<Hit> HIT = (rs, row) -> new Hit(rs.getLong("id"), rs.getString("network_id"),
            rs.getString("owner_type"), rs.getString("owner_id"), rs.getString("filename"), rs.getString("media_type"),
            rs.getLong("size"), rs.getString("language"),
            rs.getObject("uploaded_at", LocalDateTime.class).atOffset(ZoneOffset.UTC).atZoneSameInstant(DISPLAY_ZONE),
            snippet(rs.getString("snippet"), rs.getLong("snippet_start") > 1,
                    rs.getLong("snippet_start") + SNIPPET <= rs.getLong("text_length")));

    /** The passage on one line; where it was cut out of the text, it starts and ends at a whole word, with "…". */
    static String snippet(String passage, boolean cutBefore, boolean cutAfter) {
        String line = passage == null ? "" : passage.replaceAll("\\s+", " ");
        if (cutBefore && line.indexOf(' ') >= 0) {
            line = "… " + line.substring(line.indexOf(' ') + 1);
        }
        if (cutAfter && line.lastIndexOf(' ') > 0) {
            line = line.substring(0, line.lastIndexOf(' ')) + " …";
        }
        return line.strip();
    }
}
