package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public Submissions API on the real database: typed rows, drafts, submit and lock, conflicts, anonymity, uploads. */
@IntegrationTest
class SubmissionsIT {

    private static final String SAMPLE = "sample-all-components";

    @Autowired
    Submissions submissions;
    @Autowired
    FormCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    private Submission newSample() {
        return submissions.create(SAMPLE, new Subject("application", UUID.randomUUID().toString()), "sund-by",
                new Submitter("anne", "anne@example.org", "192.0.2.7", "Firefox"));
    }

    private static Map<String, Object> complete() {
        return Map.of("kommune", "Tårnby Kommune", "kode", "185", "indbyggere", "43000.5", "kommunetype", "kommune",
                "pejlemaerker", List.of("ulighed", "verdensmaal"), "beslutningsdato", "2024-11-14", "samtykke", "true",
                "region", "hovedstaden");
    }

    @Test
    void answersAreStoredOneTypedRowPerFieldAndSeveralForAMultiChoice() {
        Submission s = newSample();
        SaveResult<Submission> result = submissions.submit(s.id(), s.version(), FormInput.of(complete()));

        assertThat(result).isInstanceOf(SaveResult.Submitted.class);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT field_key, position, text_value, number_value, date_value, boolean_value, option_value "
                        + "FROM form_answer WHERE submission_id = ? ORDER BY id", s.id());
        assertThat(rows).extracting(r -> r.get("field_key")).containsExactly("kommune", "kode", "indbyggere",
                "kommunetype", "region", "pejlemaerker", "pejlemaerker", "beslutningsdato", "harHandleplan", "samtykke");
        assertThat(rows.get(0).get("text_value")).isEqualTo("Tårnby Kommune");
        assertThat((BigDecimal) rows.get(2).get("number_value")).isEqualByComparingTo("43000.5");
        assertThat(rows.get(3).get("option_value")).isEqualTo("kommune");
        assertThat(rows.subList(5, 7)).extracting(r -> r.get("option_value")).containsExactly("ulighed", "verdensmaal");
        assertThat(rows.get(7).get("date_value").toString()).isEqualTo("2024-11-14");
        assertThat(rows.get(8).get("boolean_value")).isIn(false, 0, (byte) 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_answer WHERE submission_id = ? AND text_value IS NULL "
                + "AND number_value IS NULL AND date_value IS NULL AND boolean_value IS NULL AND option_value IS NULL",
                Integer.class, s.id())).isZero();

        Map<String, Object> answers = submissions.answers(s.id());
        assertThat(answers).containsEntry("kommune", "Tårnby Kommune")
                .containsEntry("pejlemaerker", List.of("ulighed", "verdensmaal"))
                .containsEntry("beslutningsdato", LocalDate.of(2024, 11, 14)).containsEntry("samtykke", true);
        assertThat((BigDecimal) answers.get("indbyggere")).isEqualByComparingTo("43000.5");
        assertThat(submissions.variables(s.id())).containsEntry("pejlemaerker", "ulighed,verdensmaal")
                .containsEntry("indbyggere", 43000.5);
    }

    @Test
    void theFormVersionIsStoredTheFirstTimeItIsUsed() {
        Submission s = newSample();
        newSample();
        FormDefinition latest = catalog.latest(SAMPLE);
        assertThat(s.formVersionHash()).isEqualTo(latest.versionHash());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_version WHERE form_id = ? AND version_hash = ?",
                Integer.class, SAMPLE, latest.versionHash())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT schema_json FROM form_version WHERE form_id = ? AND version_hash = ?",
                String.class, SAMPLE, latest.versionHash())).isEqualTo(latest.json());
    }

    @Test
    void aDraftIsCheckedForLimitsButNotForRequiredFields() {
        Submission s = newSample();
        assertThat(submissions.saveDraft(s.id(), 0, FormInput.of(Map.of("kommune", "Å")))).isInstanceOfSatisfying(
                SaveResult.Invalid.class, i -> assertThat(errors(i)).extracting(FieldError::messageKey)
                        .containsExactly("form.error.minLength"));
        SaveResult<Submission> saved = submissions.saveDraft(s.id(), 0, FormInput.of(Map.of("kommune", "Ærø")));
        assertThat(saved).isInstanceOf(SaveResult.Saved.class);
        assertThat(saved.current().version()).isEqualTo(1);
        assertThat(submissions.submit(s.id(), 1, FormInput.of(Map.of("kommune", "Ærø")))).isInstanceOfSatisfying(
                SaveResult.Invalid.class, i -> assertThat(errors(i)).extracting(FieldError::field)
                        .contains("kommunetype", "samtykke"));
        assertThat(submissions.answers(s.id())).containsOnly(Map.entry("kommune", "Ærø"), Map.entry("harHandleplan", false),
                Map.entry("samtykke", false)); // an unticked checkbox is an answer: no
    }

    @Test
    void submittingLocksUntilTheProcessReopens() {
        Submission s = newSample();
        SaveResult<Submission> handedIn = submissions.submit(s.id(), 0, FormInput.of(complete()));
        assertThat(handedIn).isInstanceOf(SaveResult.Submitted.class);
        Submission submitted = handedIn.current();
        assertThat(submitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(submitted.submittedAt()).isNotNull();

        assertThat(submissions.saveDraft(s.id(), submitted.version(), FormInput.of(Map.of("kommune", "Ændret"))))
                .isInstanceOf(SaveResult.Closed.class);
        assertThat(submissions.answers(s.id())).containsEntry("kommune", "Tårnby Kommune");

        Submission reopened = submissions.reopen(s.id());
        assertThat(reopened.status()).isEqualTo(SubmissionStatus.DRAFT);
        assertThat(submissions.saveDraft(s.id(), reopened.version(), FormInput.of(Map.of("kommune", "Ændret"))))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(submissions.answers(s.id())).containsEntry("kommune", "Ændret");
    }

    @Test
    void theSecondSaveOfAStaleVersionIsAConflictAndNothingIsOverwritten() {
        Submission s = newSample();
        // two phones opened the draft at version 0
        assertThat(submissions.saveDraft(s.id(), 0, FormInput.of(Map.of("kommune", "Tårnby", "kode", "185"))))
                .isInstanceOf(SaveResult.Saved.class);
        SaveResult<Submission> second = submissions.saveDraft(s.id(), 0,
                FormInput.of(Map.of("kommune", "Taarnby", "kode", "185")));

        assertThat(second.current().version()).isEqualTo(1);
        assertThat(second).isInstanceOfSatisfying(SaveResult.Conflict.class, c -> {
            assertThat(c.storedAnswers()).containsEntry("kommune", "Tårnby");
            assertThat(c.differingFields()).containsExactly("kommune");
        });
        assertThat(submissions.answers(s.id())).containsEntry("kommune", "Tårnby");
        // with the current version the person may then keep theirs
        assertThat(submissions.saveDraft(s.id(), 1, FormInput.of(Map.of("kommune", "Taarnby")))).isInstanceOf(SaveResult.Saved.class);
        assertThat(submissions.answers(s.id())).containsEntry("kommune", "Taarnby");
    }

    @Test
    void anAnonymousFormStoresNoPersonEmailIpOrUserAgent() {
        Submission s = submissions.create("test-anonymous", new Subject("workshop", UUID.randomUUID().toString()),
                "sund-by", new Submitter("anne", "anne@example.org", "192.0.2.7", "Mozilla/5.0"));
        submissions.submit(s.id(), 0, FormInput.of(Map.of("feedback", "Godt møde", "rating", "good")));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM form_submission WHERE id = ?", s.id());
        assertThat(row).containsEntry("person_id", null).containsEntry("person_email", null)
                .containsEntry("ip_address", null).containsEntry("user_agent", null);
        assertThat(row.values()).doesNotContain("anne", "anne@example.org", "192.0.2.7", "Mozilla/5.0");
        assertThat(jdbc.queryForList("SELECT text_value FROM form_answer WHERE submission_id = ?", String.class, s.id()))
                .containsExactly("Godt møde", null);

        Map<String, Object> named = jdbc.queryForMap("SELECT * FROM form_submission WHERE id = ?", newSample().id());
        assertThat(named).containsEntry("person_id", "anne").containsEntry("ip_address", "192.0.2.7");
    }

    @Test
    void anUploadIsStoredAsADocumentAndAHiddenOneIsNeverStored() {
        Submission s = newSample();
        byte[] pdf = TestFiles.png();
        FormInput hidden = FormInput.of(Map.of("kommune", "Tårnby")).withUpload("handleplan",
                new FormInput.Upload("plan.png", new ByteArrayResource(pdf)));
        assertThat(submissions.saveDraft(s.id(), 0, hidden)).isInstanceOf(SaveResult.Saved.class);
        assertThat(documentsOf(s)).isZero();
        assertThat(submissions.answers(s.id())).doesNotContainKey("handleplan");

        FormInput shown = FormInput.of(Map.of("kommune", "Tårnby", "harHandleplan", "true")).withUpload("handleplan",
                new FormInput.Upload("plan.png", new ByteArrayResource(pdf)));
        assertThat(submissions.saveDraft(s.id(), 1, shown)).isInstanceOf(SaveResult.Saved.class);
        assertThat(documentsOf(s)).isEqualTo(1);
        assertThat(submissions.answers(s.id()).get("handleplan")).isInstanceOfSatisfying(DocumentRef.class,
                d -> assertThat(d.filename()).isEqualTo("plan.png"));
        // saving again without choosing a file keeps the document
        assertThat(submissions.saveDraft(s.id(), 2, FormInput.of(Map.of("kommune", "Tårnby", "harHandleplan", "true"))))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(submissions.answers(s.id())).containsKey("handleplan");
    }

    @Test
    void aRefusedUploadIsThatFieldsErrorAndNothingIsStored() {
        Submission s = newSample();
        FormInput empty = FormInput.of(Map.of("kommune", "Vejle", "harHandleplan", "true")).withUpload("handleplan",
                new FormInput.Upload("tom.pdf", new ByteArrayResource(new byte[0])));
        SaveResult<Submission> result = submissions.saveDraft(s.id(), 0, empty);

        assertThat(result).isInstanceOfSatisfying(SaveResult.Invalid.class, i -> assertThat(i.errors())
                .containsExactly(new FieldError("handleplan", "document.empty", List.of())));
        assertThat(submissions.find(s.id()).orElseThrow().version()).isZero();
        assertThat(submissions.answers(s.id())).isEmpty();
        assertThat(documentsOf(s)).isZero();
    }

    private int documentsOf(Submission s) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE owner_type = ? AND owner_id = ?", Integer.class,
                Submissions.DOCUMENT_OWNER, String.valueOf(s.id()));
    }

    /** The refusals of a result AssertJ hands over untyped. */
    private static List<FieldError> errors(SaveResult.Invalid<?> invalid) {
        return invalid.errors();
    }
}
