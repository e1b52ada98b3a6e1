package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormParserTest {

    @Test
    void readsTheSampleFileWithEveryComponentItsVersionHashAndSchemaVersion() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("forms", "sample-all-components.form"));
        FormDefinition form = FormParser.parse(bytes);

        assertThat(form.id()).isEqualTo("sample-all-components");
        assertThat(form.schemaVersion()).isEqualTo(16);
        assertThat(form.versionHash()).hasSize(64).isEqualTo(FormParser.sha256(bytes));
        assertThat(form.anonymous()).isFalse();
        assertThat(form.components()).extracting(FormComponent::type).contains("text", "textfield", "number",
                "textarea", "radio", "select", "checklist", "taglist", "datetime", "separator", "checkbox", "group");
        assertThat(form.fields()).extracting(FormComponent::key).containsSubsequence("kommune", "kode", "indbyggere",
                "handleplan", "kontaktnavn", "kontaktmail", "samtykke");
        FormComponent date = form.field("beslutningsdato").orElseThrow();
        assertThat(date.label()).isEqualTo("Dato for byrådets beslutning"); // form-js's dateLabel
        assertThat(date.kind()).isEqualTo(FieldKind.DATE);
        assertThat(form.field("handleplan").orElseThrow().kind()).isEqualTo(FieldKind.UPLOAD);
        assertThat(form.field("handleplan").orElseThrow().hide()).isEqualTo("=harHandleplan != true");
        assertThat(form.field("indbyggere").orElseThrow().rules().max()).isEqualByComparingTo(new BigDecimal("10000000"));
        assertThat(form.field("region").orElseThrow().options()).hasSize(5)
                .first().isEqualTo(new FormOption("Region Hovedstaden", "hovedstaden"));
    }

    @Test
    void anyChangeToTheFileIsANewVersion() {
        String json = "{\"id\":\"a\",\"components\":[{\"type\":\"textfield\",\"key\":\"x\",\"label\":\"X\"}]}";
        assertThat(TestForms.parse(json).versionHash()).isNotEqualTo(TestForms.parse(json + " ").versionHash());
    }

    @Test
    void theAnonymousPropertyMarksAnAnonymousForm() {
        FormDefinition form = TestForms.parse("{\"id\":\"a\",\"properties\":{\"anonymous\":\"true\"},\"components\":[]}");
        assertThat(form.anonymous()).isTrue();
    }

    @Test
    void bothFilepickerAndTheUploadTextfieldAreUploads() {
        FormDefinition form = TestForms.withComponents("""
                {"type":"filepicker","key":"a","label":"A"},
                {"type":"textfield","key":"b","label":"B","properties":{"upload":"true"}},
                {"type":"textfield","key":"c","label":"C"}""");
        assertThat(form.fields()).extracting(FormComponent::kind)
                .containsExactly(FieldKind.UPLOAD, FieldKind.UPLOAD, FieldKind.TEXT);
    }

    @Test
    void aKeyUsedTwiceOrAFileWithoutIdIsRefused() {
        assertThatThrownBy(() -> TestForms.withComponents("""
                {"type":"textfield","key":"a"},{"type":"group","components":[{"type":"number","key":"a"}]}"""))
                .hasMessageContaining("\"a\" twice");
        assertThatThrownBy(() -> TestForms.parse("{\"components\":[]}")).hasMessageContaining("id");
        assertThatThrownBy(() -> TestForms.parse("not json")).hasMessageContaining("JSON");
    }
}
