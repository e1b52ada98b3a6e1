package org.healthycities.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.privacy.Erased;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The knowledge bank's items that name the person (as contact or author, or in their texts) and the person's
 * sign-in links and reader cookies. Erasing removes the person as contact and author, redacts the mentions in the
 * texts (the idea stays, the member's), and deletes the links and cookies, which signs the person out.
 */
@Component
class KnowledgePersonalData implements PersonalDataHolder {

    static final String TYPE = "knowledge-item";
    static final String SIGN_IN = "knowledge-sign-in";

    private final JdbcTemplate jdbc;

    KnowledgePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Item(long id, String network, String title, String contactName, String contactEmail, String author) {
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (Item item : items(person)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("title", item.title());
            data.put("contactName", item.contactName());
            data.put("contactEmail", item.contactEmail());
            data.put("author", item.author());
            records.add(new PersonalRecord(TYPE, String.valueOf(item.id()), item.network(), item.title(), data));
        }
        jdbc.query("SELECT network_id, email, expires_at FROM knowledge_reader WHERE email = ?", rs -> {
            records.add(new PersonalRecord(SIGN_IN, rs.getString(2), rs.getString(1), rs.getString(2),
                    Map.of("signedInUntil", rs.getTimestamp(3).toInstant())));
        }, person.emailParam());
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        List<Item> items = items(person);
        for (Item item : items) {
            Map<String, Object> texts = jdbc.queryForMap("SELECT title, body, results FROM knowledge_item WHERE id = ?",
                    item.id());
            boolean contact = person.isEmail(item.contactEmail()) || person.isName(item.contactName());
            jdbc.update("UPDATE knowledge_item SET title = ?, body = ?, results = ?, contact_name = ?, contact_email = ?,"
                            + " author = ? WHERE id = ?",
                    Erased.redact((String) texts.get("title"), person), Erased.redact((String) texts.get("body"), person),
                    Erased.redact((String) texts.get("results"), person), contact ? null : item.contactName(),
                    contact ? null : item.contactEmail(),
                    person.isEmail(item.author()) || person.isName(item.author()) ? Erased.MARKER : item.author(),
                    item.id());
        }
        int links = jdbc.update("DELETE FROM knowledge_sign_in WHERE email = ?", person.emailParam())
                + jdbc.update("DELETE FROM knowledge_reader WHERE email = ?", person.emailParam());
        return items.size() + links;
    }

    private List<Item> items(PersonQuery person) {
        Set<Long> ids = new LinkedHashSet<>(jdbc.queryForList("SELECT id FROM knowledge_item WHERE contact_email = ?"
                + " OR contact_name = ? OR author = ? OR author = ?", Long.class, person.emailParam(), person.nameParam(),
                person.emailParam(), person.nameParam()));
        for (String pattern : person.likePatterns()) {
            ids.addAll(jdbc.queryForList("SELECT id FROM knowledge_item WHERE title LIKE ? OR body LIKE ? OR results LIKE ?",
                    Long.class, pattern, pattern, pattern));
        }
        List<Item> items = new ArrayList<>();
        for (Long id : ids) {
            items.addAll(jdbc.query("SELECT id, network_id, title, contact_name, contact_email, author FROM knowledge_item"
                    + " WHERE id = ?", (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6)), id));
        }
        return items;
    }
}
