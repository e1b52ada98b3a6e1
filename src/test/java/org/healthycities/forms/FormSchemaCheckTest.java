package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.healthycities.forms.FormSchemaCheck.Problem;
import org.junit.jupiter.api.Test;

/** What the designer refuses on save, each problem naming its field, and what Tasklist (form-js 1.8) would not show. */
class FormSchemaCheckTest {

    private static FormSchemaCheck.Result check(String json) {
        return FormSchemaCheck.check(json.getBytes(StandardCharsets.UTF_8), "survey_test_1");
    }

    private static String form(String components) {
        return "{\"type\":\"default\",\"id\":\"Form_x\",\"schemaVersion\":16,\"components\":[" + components + "]}";
    }

    private static List<String> codes(FormSchemaCheck.Result r) {
        return r.errors().stream().map(Problem::code).toList();
    }

    @Test
    void aGoodFormPassesWithItsIdSetAndNothingToNote() {
        FormSchemaCheck.Result r = check(form("""
                {"type":"textfield","id":"F1","key":"name","label":"Navn","validate":{"required":true,"pattern":"^[A-Z].*"}},
                {"type":"radio","id":"F2","key":"glad","label":"Glad?","values":[{"label":"Ja","value":"ja"},{"label":"Nej","value":"nej"}]},
                {"type":"textarea","id":"F3","key":"why","label":"Hvorfor?","conditional":{"hide":"=glad = \\"nej\\""}},
                {"type":"group","id":"G","label":"Gruppe","components":[{"type":"number","id":"F4","key":"n","label":"Antal","validate":{"min":0,"max":10}}]}
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(r.tasklistNotes()).isEmpty();
        assertThat(r.form().id()).isEqualTo("survey_test_1");
        assertThat(r.form().fields()).extracting(FormComponent::key).containsExactly("name", "glad", "why", "n");
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheSecondField() {
        FormSchemaCheck.Result r = check(form("""
                {"type":"textfield","id":"F1","key":"name","label":"Navn"},
                {"type":"textfield","id":"F2","key":"name","label":"Fornavn"}"""));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("form.design.error.key.duplicate");
            assertThat(p.field()).isEqualTo("Fornavn");
            assertThat(p.args()).containsExactly("Fornavn", "name");
        });
    }

    @Test
    void anEmptyLabelABadRegexAndFeelThatDoesNotParseAreEachNamed() {
        FormSchemaCheck.Result r = check(form("""
                {"type":"textfield","id":"F1","key":"a","label":" "},
                {"type":"textfield","id":"F2","key":"b","label":"Kode","validate":{"pattern":"([0-9"}},
                {"type":"textfield","id":"F3","key":"c","label":"Skjult","conditional":{"hide":"=a = = ("}}"""));
        assertThat(r.errors()).extracting(Problem::code, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("form.design.error.label", "a"),
                org.assertj.core.groups.Tuple.tuple("form.design.error.pattern", "Kode"),
                org.assertj.core.groups.Tuple.tuple("form.design.error.feel", "Skjult"));
        assertThat(r.form()).isNull();
    }

    @Test
    void whatOurPagesCannotShowIsRefusedByName() {
        FormSchemaCheck.Result r = check(form("""
                {"type":"dynamiclist","id":"L","label":"Aktiviteter","components":[]},
                {"type":"select","id":"S","key":"s","label":"Valg","valuesKey":"choices"},
                {"type":"checklist","id":"C","key":"c","label":"Tom"},
                {"type":"radio","id":"R","key":"r","label":"To ens","values":[{"label":"A","value":"x"},{"label":"B","value":"x"}]},
                {"type":"textfield","id":"K","key":"1bad key","label":"Nøgle"},
                {"type":"textfield","id":"M","label":"Uden nøgle"},
                {"type":"number","id":"N","key":"n","label":"Tal","validate":{"min":10,"max":1}},
                {"type":"textfield","id":"T","key":"t","label":"Længde","validate":{"minLength":2.5}}"""));
        assertThat(codes(r)).containsExactly("form.design.error.type", "form.design.error.dynamicOptions",
                "form.design.error.options", "form.design.error.optionValue", "form.design.error.key.invalid",
                "form.design.error.key.missing", "form.design.error.range", "form.design.error.number");
        assertThat(r.errors().get(0).args()).containsExactly("Aktiviteter", "dynamiclist");
    }

    @Test
    void aFormWithoutQuestionsNotJsonEmptyAndTooLargeAreRefused() {
        assertThat(codes(check(form("{\"type\":\"text\",\"id\":\"T\",\"text\":\"Hej\"}")))).containsExactly("form.design.error.noFields");
        assertThat(codes(check("{\"components\": ["))).containsExactly("form.design.error.json");
        assertThat(codes(check("[1,2]"))).containsExactly("form.design.error.notAForm");
        assertThat(codes(FormSchemaCheck.check(new byte[0], "x"))).containsExactly("form.design.error.empty");
        String big = form("{\"type\":\"textfield\",\"id\":\"F\",\"key\":\"a\",\"label\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        FormSchemaCheck.Result r = check(big);
        assertThat(codes(r)).containsExactly("form.design.error.tooLarge");
        assertThat(r.errors().get(0).args()).containsExactly(2048, 512);
    }

    @Test
    void tasklistNotesSayWhatForm_js_1_8WouldNotShowWithoutRefusingIt() {
        FormSchemaCheck.Result r = FormSchemaCheck.check(("""
                {"type":"default","id":"F","schemaVersion":19,"versionTag":"v1","components":[
                  {"type":"filepicker","id":"P","key":"plan","label":"Handleplan"},
                  {"type":"textfield","id":"C","key":"code","label":"Kode","validate":{"pattern":"^[0-9]+$","patternErrorMessage":"Kun tal"}}]}
                """).getBytes(StandardCharsets.UTF_8), "survey_x");
        assertThat(r.ok()).isTrue();
        assertThat(r.tasklistNotes()).extracting(Problem::code).containsExactlyInAnyOrder(
                "form.design.tasklist.type", "form.design.tasklist.patternErrorMessage",
                "form.design.tasklist.schemaVersion", "form.design.tasklist.versionTag");
    }

    @Test
    void theFormFilesWeShipPassTheCheckButTheEvaluationsRepeatingGroupAndDataOptionsAreNotRenderedYet() throws Exception {
        for (String name : List.of("sample-all-components", "membership-review", "membership-supplement",
                "membership-code-check", "membership-board-decision", "membership-welcome-meeting")) {
            assertThat(FormSchemaCheck.check(file(name), name).errors()).as(name).isEmpty();
        }
        assertThat(FormSchemaCheck.check(file("annual-evaluation"), "annual-evaluation").errors())
                .extracting(Problem::code).containsOnly("form.design.error.type", "form.design.error.dynamicOptions");
    }

    private static byte[] file(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("forms", name + ".form"));
    }
}
