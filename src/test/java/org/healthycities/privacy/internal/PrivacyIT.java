package org.healthycities.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.healthycities.documents.DocumentService;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.Subject;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.forms.Submitter;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.PossibleMemberImport;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.privacy.Erased;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestPdfs;
import org.healthycities.support.TestUsers;
import org.healthycities.tasks.AuditLog;
import org.healthycities.workshop.internal.WorkshopPersonFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One person with data in every feature, made through the features' own services and pages; the admin exports it
 * (every record is in the file) and erases it (no text column of any table holds the address or the name any more,
 * and the answers still count).
 */
@IntegrationTest
class PrivacyIT {

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired PossibleMemberImport possibleMembers;
    @Autowired MemberService members;
    @Autowired WorkshopPersonFixtures workshops;
    @Autowired Submissions submissions;
    @Autowired Mailer mailer;
    @Autowired AuditLog audit;
    @Autowired DocumentService documents;
    @Autowired ObjectMapper json;

    final String unique = UUID.randomUUID().toString().substring(0, 8);
    final String email = "pia." + unique + "@example.org";
    final String name = "Pia Persondata " + unique;

    @Test
    void exportsEveryRecordAndErasesThePersonFromEveryTable() throws Exception {
        RequestPostProcessor admin = TestMembers.login(identity, TestUsers.create(identity, "privacy", "admin"));
        Person p = personEverywhere();

        // search
        String page = mvc.perform(post("/admin/privacy").param("email", email.toUpperCase(Locale.ROOT))
                .with(admin).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("SB-").contains("result-count");
        int exportsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM privacy_audit WHERE action = 'EXPORT'",
                Integer.class);

        // export: one JSON file with every record, typed and with ids
        byte[] file = mvc.perform(post("/admin/privacy/export").param("email", email).param("name", name)
                        .with(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        JsonNode export = json.readTree(file);
        Set<String> typed = new HashSet<>();
        export.get("records").forEach(r -> typed.add(r.get("type").asText() + ":" + r.get("id").asText()));
        assertThat(typed).contains("membership-application:" + p.applicationId,
                "member-contact:" + p.memberId + ":coordinator",
                "workshop-participant:" + p.participantId,
                "member-evaluation:" + p.evaluationId,
                "form-submission:" + p.submissionId,
                "document:" + p.documentId,
                "audit-entry:" + p.auditId);
        assertThat(typed).anyMatch(t -> t.startsWith("outbox-mail:"));
        assertThat(new String(file, StandardCharsets.UTF_8)).contains(email).contains(name);
        assertThat(export.get("recordCount").asInt()).isEqualTo(export.get("records").size());

        // erase: the confirm step first; without the box ticked nothing happens
        assertThat(mvc.perform(post("/admin/privacy/erase-confirm").param("email", email).param("name", name)
                .with(admin).with(csrf())).andReturn().getResponse().getContentAsString()).contains("erase-now");
        mvc.perform(post("/admin/privacy/erase").param("email", email).param("name", name).with(admin).with(csrf()))
                .andExpect(status().isOk());
        assertThat(mentions()).isNotEmpty();
        long answersBefore = countAnswers(p);
        mvc.perform(post("/admin/privacy/erase").param("email", email).param("name", name).param("confirm", "true")
                .with(admin).with(csrf())).andExpect(redirectedUrl("/admin/privacy"));

        assertThat(mentions()).as("text columns still holding the address or the name").isEmpty();
        // statistics remain: the rows and the answers are still there and count
        assertThat(countAnswers(p)).isEqualTo(answersBefore);
        assertThat(jdbc.queryForObject("SELECT status FROM membership_application WHERE id = ?", String.class,
                p.applicationId)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("SELECT motivation FROM membership_application WHERE id = ?", String.class,
                p.applicationId)).isEqualTo("Lighed i sundhed for alle");
        assertThat(jdbc.queryForObject("SELECT admin_contact_name FROM membership_application WHERE id = ?",
                String.class, p.applicationId)).isEqualTo(Erased.MARKER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workshop_participant WHERE id = ? AND email IS NULL",
                Integer.class, p.participantId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT value FROM workshop_answer WHERE updated_by = ?", String.class,
                p.participantId)).isEqualTo("Mere samarbejde på tværs");
        assertThat(evaluationAnswer(p.evaluationId, "goals.whatDone")).isEqualTo("Sundhedspolitik vedtaget");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("membership-onboarding")
                .processInstanceBusinessKey(p.applicationId.toString()).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE owner_type = 'membership-application'"
                + " AND owner_id = ?", Integer.class, p.applicationId.toString())).isZero();
        Member member = members.findByCode("sund-by", p.memberCode).orElseThrow();
        assertThat(member.getCoordinatorEmail()).isNull();
        assertThat(member.getName()).isNotBlank();

        // the audit row says who and how many, never whom
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM privacy_audit WHERE action = 'ERASE'"
                + " ORDER BY id DESC LIMIT 1");
        assertThat((Integer) row.get("record_count")).isGreaterThanOrEqualTo(8);
        assertThat(String.valueOf(row.get("detail"))).doesNotContain(email).doesNotContain(unique);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM privacy_audit WHERE action = 'EXPORT'", Integer.class))
                .isEqualTo(exportsBefore + 1);

        // nothing left to find
        String after = mvc.perform(post("/admin/privacy").param("email", email).param("name", name)
                .with(admin).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("0 poster fundet");
    }

    @Test
    void erasingByAddressAloneAlsoRemovesTheStoredNameFromTexts() throws Exception {
        RequestPostProcessor admin = TestMembers.login(identity, TestUsers.create(identity, "privacy", "admin"));
        String key = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO membership_application (network_id, idempotency_key, status, language,"
                        + " municipality_code, municipality_name, kind, population, political_contact_name,"
                        + " political_contact_email, admin_contact_name, admin_contact_email, coordinator_name,"
                        + " coordinator_email, decision_date, decision_body, motivation, review_note, consent_text,"
                        + " consent_at, submitted_at, updated_at) VALUES ('sund-by', ?, 'REJECTED', 'da', ?,"
                        + " 'Adresseby', 'MUNICIPALITY', 1000, ?, ?, ?, ?, ?, ?, '2020-01-01', 'Byrådet', ?, ?, 'Ja',"
                        + " NOW(6), NOW(6), NOW(6))",
                key, "e-" + unique, "Pol " + unique, "pol." + unique + "@example.org", name, email,
                "Koo " + unique, "koo." + unique + "@example.org", "Skrevet af " + name, "Ring til " + name);
        Long applicationId = jdbc.queryForObject("SELECT id FROM membership_application WHERE idempotency_key = ?",
                Long.class, key);
        Long participantId = workshops.joinAndAnswer(name, email, "Som " + name + " sagde").get("participant");
        Long evaluationId = evaluation(); // wishes_text names the coordinator

        mvc.perform(post("/admin/privacy/erase").param("email", email).param("confirm", "true")
                .with(admin).with(csrf())).andExpect(redirectedUrl("/admin/privacy"));

        assertThat(mentions()).as("text columns still holding the address or the name").isEmpty();
        assertThat(jdbc.queryForMap("SELECT motivation, review_note, coordinator_name FROM membership_application"
                + " WHERE id = ?", applicationId)).containsEntry("motivation", "Skrevet af " + Erased.MARKER)
                .containsEntry("review_note", "Ring til " + Erased.MARKER).containsEntry("coordinator_name", "Koo " + unique);
        assertThat(jdbc.queryForObject("SELECT value FROM workshop_answer WHERE updated_by = ?", String.class,
                participantId)).isEqualTo("Som " + Erased.MARKER + " sagde");
        assertThat(evaluationAnswer(evaluationId, "wishes")).isEqualTo("Spørg " + Erased.MARKER + " om mere");
    }

    @Test
    void onlyTheAdminMayUseThePage() throws Exception {
        RequestPostProcessor secretariat = TestMembers.login(identity,
                TestUsers.create(identity, "privsec", "secretariat", "sund-by"));
        mvc.perform(get("/admin/privacy").with(secretariat)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/privacy/export").param("email", email).with(secretariat).with(csrf()))
                .andExpect(status().isForbidden());
        RequestPostProcessor admin = TestMembers.login(identity, TestUsers.create(identity, "privacy", "admin"));
        mvc.perform(post("/admin/privacy/erase").param("email", email).param("confirm", "true").with(admin))
                .andExpect(status().isForbidden()); // no CSRF token
        String refused = mvc.perform(post("/admin/privacy").param("email", "no-address").with(admin).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Mailadressen er ikke gyldig");
    }

    record Person(Long applicationId, Long memberId, String memberCode, Long participantId, Long evaluationId,
                  Long submissionId, Long documentId, Long auditId) {
    }

    /** The person as applicant, member coordinator, workshop participant, evaluation coordinator, submitter... */
    private Person personEverywhere() throws Exception {
        String code = "p-" + unique;
        String memberCode = "pm-" + unique;
        possibleMembers.importCsv("sund-by", new ByteArrayInputStream(("code,name,kind\n" + code + ",Privatby "
                + unique + " Kommune,municipality\n" + memberCode + ",Medlemsby " + unique + " Kommune,municipality\n")
                .getBytes(StandardCharsets.UTF_8)));
        String key = UUID.randomUUID().toString();
        mvc.perform(multipart("/apply/sund-by")
                        .file(new MockMultipartFile("decisionDocument", "beslutning.pdf", "application/pdf",
                                TestPdfs.withText("Byraadets beslutning")))
                        .param("idempotencyKey", key).param("f.municipalityCode", code).param("f.population", "43000")
                        .param("f.politicalContactName", "Birte Borgmester " + unique)
                        .param("f.politicalContactEmail", "borgmester." + unique + "@example.org")
                        .param("f.adminContactName", name).param("f.adminContactEmail", email)
                        .param("f.adminContactPhone", "+45 1234 " + unique.substring(0, 4))
                        .param("f.coordinatorName", "Karin Koordinator " + unique)
                        .param("f.coordinatorEmail", "karin." + unique + "@example.org")
                        .param("f.decisionDate", "2026-09-01").param("f.decisionBody", "Byrådet")
                        .param("f.accessionSignedByMayor", "true").param("f.mayorName", "Birte Borgmester " + unique)
                        .param("f.coordinatorJoinsAssembly", "true").param("f.motivation", "Lighed i sundhed for alle")
                        .param("f.consent", "true").with(csrf()))
                .andExpect(redirectedUrl("/apply/received/" + key));
        Long applicationId = jdbc.queryForObject("SELECT id FROM membership_application WHERE idempotency_key = ?",
                Long.class, key);

        Member member = members.create("sund-by", new MemberDetails(memberCode, "Medlemsby " + unique,
                MemberStatus.ACTIVE, java.time.LocalDate.of(2020, 1, 1), 43_000, null, null, null, null, null, null,
                null, name, email, "+45 5555 5555", null));

        Long participantId = workshops.joinAndAnswer(name, email, "Mere samarbejde på tværs").get("participant");

        Long evaluationId = evaluation();

        Submission s = submissions.create("sample-all-components", new Subject("privacy-test", unique), "sund-by",
                new Submitter("person-" + unique, email, "192.0.2.7", "Test browser"));
        Long submissionId = s.id();

        mailer.send(OutgoingMail.to(email, Locale.forLanguageTag("da"), "notifications/mail/test", "sund-by")
                .withName(name).with("message", "Hej").with("items", List.of("a")));
        mailer.send(OutgoingMail.to("sekretariat-" + unique + "@example.org", Locale.forLanguageTag("da"),
                "notifications/mail/test", "sund-by").with("message", "Ring til " + name + " på " + email)
                .with("items", List.of("b")));

        Long auditId = audit.record("secretariat-x", "sund-by", "application", applicationId.toString(),
                "note", "Talte med " + name).id();

        var stored = documents.store("sund-by", "member", member.getId().toString(), "kontakt.pdf",
                new ByteArrayInputStream(TestPdfs.withText("Kontakt: " + email)));
        Long documentId = ((org.healthycities.documents.UploadResult.Stored) stored).document().id();
        return new Person(applicationId, member.getId(), memberCode, participantId, evaluationId, submissionId,
                documentId, auditId);
    }

    /** A member's evaluation naming the person as coordinator, with an answer (rows as the round service writes). */
    private Long evaluation() {
        int year = 2200 + Math.floorMod(unique.hashCode(), 7000);
        jdbc.update("INSERT INTO evaluation_round (network_id, year, start_date, deadline, grace_days, status,"
                + " started_by, created_at) VALUES ('hc-sverige', ?, '2027-02-01', '2027-03-28', 14, 'OPEN', 'test',"
                + " NOW(6))", year);
        Long round = jdbc.queryForObject("SELECT id FROM evaluation_round WHERE network_id = 'hc-sverige' AND year = ?",
                Long.class, year);
        jdbc.update("INSERT INTO member_evaluation (round_id, network_id, member_id, member_name, coordinator_name,"
                + " coordinator_email, status, deadline, created_at, updated_at) VALUES (?, 'hc-sverige',"
                + " 999999, 'Medlemsby', ?, ?, 'SUBMITTED', '2027-03-28', NOW(6), NOW(6))", round, name, email);
        Long id = jdbc.queryForObject("SELECT id FROM member_evaluation WHERE round_id = ?", Long.class, round);
        // its answers, in its submission of the evaluation form
        long submission = submissions.create("annual-evaluation", new Subject("evaluation", id.toString()), "hc-sverige",
                Submitter.NOBODY).id();
        jdbc.update("INSERT INTO form_answer (submission_id, field_key, list_item, position, text_value, option_value)"
                + " VALUES (?, 'goals.goal', 0, 0, 'Mål', '1'), (?, 'goals.progress', 0, 0, NULL, 'STARTED'),"
                + " (?, 'goals.whatDone', 0, 0, 'Sundhedspolitik vedtaget', NULL), (?, 'wishes', NULL, 0, ?, NULL)",
                submission, submission, submission, submission, "Spørg " + name + " om mere");
        jdbc.update("INSERT INTO evaluation_event (evaluation_id, kind, actor, detail, occurred_at)"
                + " VALUES (?, 'INVITED', 'system', ?, NOW(6))", id, "invitation → " + email);
        return id;
    }

    private String evaluationAnswer(Long evaluationId, String field) {
        return jdbc.queryForObject("SELECT a.text_value FROM form_answer a JOIN form_submission s ON s.id = a.submission_id"
                + " WHERE s.subject_type = 'evaluation' AND s.subject_id = ? AND a.field_key = ?", String.class,
                evaluationId.toString(), field);
    }

    private long countAnswers(Person p) {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM form_answer a JOIN form_submission s"
                + " ON s.id = a.submission_id WHERE s.subject_id = ?) + (SELECT COUNT(*) FROM workshop_answer"
                + " WHERE updated_by = ?) + (SELECT COUNT(*) FROM form_answer a JOIN form_submission s ON s.id = a.submission_id"
                + " WHERE s.subject_type = 'evaluation' AND s.subject_id = ?)",
                Long.class, p.applicationId.toString(), p.participantId, p.evaluationId.toString());
    }

    /** "table.column" of every text column, in every table of the schema, that holds the address or the name. */
    private List<String> mentions() {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name AS t, column_name AS c"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND data_type IN"
                + " ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext')");
        for (Map<String, Object> col : columns) {
            String sql = "SELECT COUNT(*) FROM `" + col.get("t") + "` WHERE `" + col.get("c") + "` LIKE ? OR `"
                    + col.get("c") + "` LIKE ?";
            Integer n = jdbc.queryForObject(sql, Integer.class, "%" + email + "%", "%" + name + "%");
            if (n != null && n > 0) {
                found.add(col.get("t") + "." + col.get("c"));
            }
        }
        return found;
    }
}
