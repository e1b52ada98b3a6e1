package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The annual evaluation's answers move from the evaluation's own tables into the forms engine: one submission of
 * forms/annual-evaluation.form per evaluation that has answers, one row per field as the form names it (a goal's
 * and an activity's fields per list item, in the order the page showed them), then the old tables go. In Java only
 * to name the form version by the SHA-256 of the file on the classpath, as the form catalog does.
 */
public class V910__Evaluation_answers_as_form_submissions extends BaseJavaMigration {

    static final String FORM = "annual-evaluation";

    /** Evaluations with anything answered. */
    private static final String ANSWERED = "(e.inequality_text IS NOT NULL OR e.wishes_text IS NOT NULL"
            + " OR e.document_id IS NOT NULL"
            + " OR EXISTS (SELECT 1 FROM evaluation_goal_answer x WHERE x.evaluation_id = e.id)"
            + " OR EXISTS (SELECT 1 FROM evaluation_activity x WHERE x.evaluation_id = e.id)"
            + " OR EXISTS (SELECT 1 FROM evaluation_tag x WHERE x.evaluation_id = e.id)"
            + " OR EXISTS (SELECT 1 FROM evaluation_theme_group x WHERE x.evaluation_id = e.id))";
    private static final String SUBMISSION = " JOIN form_submission s ON s.subject_type = 'evaluation'"
            + " AND s.subject_id = CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci AND s.form_id = '" + FORM + "'";
    private static final String INSERT = "INSERT INTO form_answer (submission_id, field_key, list_item, position,"
            + " text_value, option_value, document_id) ";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        byte[] file = form();
        String hash = HexFormat.of().formatHex(sha256(file));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO form_version (form_id, version_hash, schema_json,"
                + " first_used_at) SELECT ?, ?, ?, NOW(6) FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM form_version"
                + " WHERE form_id = ? AND version_hash = ?) AND EXISTS (SELECT 1 FROM member_evaluation e WHERE "
                + ANSWERED + ")")) {
            ps.setString(1, FORM);
            ps.setString(2, hash);
            ps.setString(3, new String(file, StandardCharsets.UTF_8));
            ps.setString(4, FORM);
            ps.setString(5, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO form_submission (form_id, form_version_hash,"
                + " subject_type, subject_id, network_id, status, version, created_at, updated_at, submitted_at)"
                + " SELECT ?, ?, 'evaluation', CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci, e.network_id,"
                + " CASE WHEN e.status IN ('SUBMITTED', 'ACCEPTED', 'LATE') THEN 'SUBMITTED' ELSE 'DRAFT' END, 0,"
                + " e.created_at, e.updated_at, e.submitted_at FROM member_evaluation e WHERE " + ANSWERED)) {
            ps.setString(1, FORM);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            // the goals, numbered by their position (as the page lists the round's goals); the title as it was
            String goals = "(SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.evaluation_id ORDER BY a.goal_position, a.goal_id) - 1"
                    + " AS item FROM evaluation_goal_answer a) g JOIN member_evaluation e ON e.id = g.evaluation_id" + SUBMISSION;
            st.executeUpdate(INSERT + "SELECT s.id, 'goals.goal', g.item, 0, g.goal_title, CAST(g.goal_id AS CHAR), NULL FROM " + goals);
            st.executeUpdate(INSERT + "SELECT s.id, 'goals.progress', g.item, 0, NULL, g.progress, NULL FROM " + goals
                    + " WHERE g.progress IS NOT NULL");
            st.executeUpdate(INSERT + "SELECT s.id, 'goals.whatDone', g.item, 0, g.what_done, NULL, NULL FROM " + goals
                    + " WHERE g.what_done IS NOT NULL");
            // the activities in their order, each field a row of its list item
            String activities = "(SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.evaluation_id ORDER BY a.position, a.id) - 1"
                    + " AS item FROM evaluation_activity a) t JOIN member_evaluation e ON e.id = t.evaluation_id" + SUBMISSION;
            st.executeUpdate(INSERT + "SELECT s.id, 'activities.title', t.item, 0, t.title, NULL, NULL FROM " + activities);
            st.executeUpdate(INSERT + "SELECT s.id, 'activities.goal', t.item, 0, sg.title, CAST(t.goal_id AS CHAR), NULL FROM "
                    + activities + " LEFT JOIN strategic_goal sg ON sg.id = t.goal_id WHERE t.goal_id IS NOT NULL");
            st.executeUpdate(INSERT + "SELECT s.id, 'activities.status', t.item, 0, NULL, t.status, NULL FROM " + activities);
            st.executeUpdate(INSERT + "SELECT s.id, 'activities.partners', t.item, 0, t.partners, NULL, NULL FROM " + activities
                    + " WHERE t.partners IS NOT NULL");
            st.executeUpdate(INSERT + "SELECT s.id, 'activities.sdgs', t.item,"
                    + " ROW_NUMBER() OVER (PARTITION BY t.id ORDER BY x.sdg_code) - 1, NULL, x.sdg_code, NULL FROM "
                    + activities + " JOIN evaluation_activity_sdg x ON x.activity_id = t.id");
            // the member's SDGs and WHO 6 Ps, theme groups, texts and action plan
            st.executeUpdate(INSERT + "SELECT s.id, CASE x.tag_set WHEN 'SDG' THEN 'sdg' ELSE 'sixP' END, NULL,"
                    + " ROW_NUMBER() OVER (PARTITION BY x.evaluation_id, x.tag_set ORDER BY x.code) - 1, NULL, x.code, NULL"
                    + " FROM evaluation_tag x JOIN member_evaluation e ON e.id = x.evaluation_id" + SUBMISSION);
            st.executeUpdate(INSERT + "SELECT s.id, 'themeGroup', NULL,"
                    + " ROW_NUMBER() OVER (PARTITION BY x.evaluation_id ORDER BY x.theme_group_id) - 1, x.name,"
                    + " CAST(x.theme_group_id AS CHAR), NULL"
                    + " FROM evaluation_theme_group x JOIN member_evaluation e ON e.id = x.evaluation_id" + SUBMISSION);
            st.executeUpdate(INSERT + "SELECT s.id, 'inequality', NULL, 0, e.inequality_text, NULL, NULL"
                    + " FROM member_evaluation e" + SUBMISSION + " WHERE e.inequality_text IS NOT NULL");
            st.executeUpdate(INSERT + "SELECT s.id, 'wishes', NULL, 0, e.wishes_text, NULL, NULL"
                    + " FROM member_evaluation e" + SUBMISSION + " WHERE e.wishes_text IS NOT NULL");
            st.executeUpdate(INSERT + "SELECT s.id, 'document', NULL, 0, d.filename, NULL, d.id"
                    + " FROM member_evaluation e" + SUBMISSION + " JOIN document d ON d.id = e.document_id");
            // the evaluation's own answer store goes
            st.executeUpdate("DROP TABLE evaluation_activity_sdg");
            st.executeUpdate("DROP TABLE evaluation_activity");
            st.executeUpdate("DROP TABLE evaluation_goal_answer");
            st.executeUpdate("DROP TABLE evaluation_tag");
            st.executeUpdate("DROP TABLE evaluation_theme_group");
            st.executeUpdate("ALTER TABLE member_evaluation DROP COLUMN inequality_text, DROP COLUMN wishes_text");
        }
    }

    private static byte[] form() throws IOException {
        try (InputStream in = V910__Evaluation_answers_as_form_submissions.class.getResourceAsStream("/forms/" + FORM + ".form")) {
            if (in == null) {
                throw new IllegalStateException("forms/" + FORM + ".form is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
