package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.healthycities.forms.internal.FormValidator;
import org.healthycities.forms.internal.FormValidator.Mode;
import org.healthycities.forms.internal.FormValidator.Validated;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** Each component and each validation rule, on drafts and on submissions. */
class FormValidatorTest {

    private static Validated submit(FormDefinition form, Map<String, ?> values) {
        return FormValidator.validate(form, FormInput.of(values), Mode.SUBMIT, Map.of());
    }

    private static Validated draft(FormDefinition form, Map<String, ?> values) {
        return FormValidator.validate(form, FormInput.of(values), Mode.DRAFT, Map.of());
    }

    private static List<String> errorKeys(Validated v) {
        return v.errors().stream().map(FieldError::messageKey).toList();
    }

    @Nested
    class Textfield {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"textfield","key":"name","label":"Navn","validate":{"required":true,"minLength":2,"maxLength":5}},
                {"type":"textfield","key":"code","label":"Kode","validate":{"pattern":"^[0-9]{3}$"}},
                {"type":"textfield","key":"mail","label":"Mail","validate":{"validationType":"email"}},
                {"type":"textfield","key":"phone","label":"Tlf","validate":{"validationType":"phone"}}""");

        @Test
        void requiredOnSubmitNotOnADraft() {
            assertThat(errorKeys(submit(form, Map.of()))).containsExactly("form.error.required");
            assertThat(submit(form, Map.of("name", "   ")).errors()).extracting(FieldError::field).containsExactly("name");
            assertThat(draft(form, Map.of()).ok()).isTrue();
        }

        @Test
        void minAndMaxLengthCountCharactersAlsoOnADraft() {
            assertThat(errorKeys(draft(form, Map.of("name", "Å")))).containsExactly("form.error.minLength");
            assertThat(errorKeys(draft(form, Map.of("name", "Ærøsk")))).isEmpty();
            assertThat(errorKeys(draft(form, Map.of("name", "Ærøskø")))).containsExactly("form.error.maxLength");
            assertThat(draft(form, Map.of("name", "Å")).errors().get(0).args()).containsExactly(2);
        }

        @Test
        void pattern() {
            assertThat(errorKeys(draft(form, Map.of("code", "12a")))).containsExactly("form.error.pattern");
            assertThat(draft(form, Map.of("code", "185")).values()).containsEntry("code", "185");
        }

        @Test
        void emailAndPhone() {
            assertThat(errorKeys(draft(form, Map.of("mail", "ikke-en-mail")))).containsExactly("form.error.email");
            assertThat(errorKeys(draft(form, Map.of("mail", "a@b.dk")))).isEmpty();
            assertThat(errorKeys(draft(form, Map.of("phone", "ring mig")))).containsExactly("form.error.phone");
            assertThat(errorKeys(draft(form, Map.of("phone", "+45 32 47 10 00")))).isEmpty();
        }

        @Test
        void twoValuesForOneFieldAreRefused() {
            assertThat(errorKeys(draft(form, Map.of("code", List.of("111", "222"))))).containsExactly("form.error.single");
        }

        @Test
        void scriptIsKeptAsPlainText() {
            String script = "<script>alert(1)</script>";
            FormDefinition free = TestForms.withComponents("{\"type\":\"textarea\",\"key\":\"t\",\"label\":\"T\"}");
            assertThat(draft(free, Map.of("t", script)).values()).containsEntry("t", script);
        }
    }

    @Nested
    class NumberField {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"number","key":"n","label":"N","validate":{"min":0,"max":100}}""");

        @Test
        void mustBeANumberWithinMinAndMax() {
            assertThat(errorKeys(draft(form, Map.of("n", "mange")))).containsExactly("form.error.number");
            assertThat(errorKeys(draft(form, Map.of("n", "-1")))).containsExactly("form.error.min");
            assertThat(errorKeys(draft(form, Map.of("n", "100.5")))).containsExactly("form.error.max");
            assertThat(draft(form, Map.of("n", "42.5")).values().get("n")).isEqualTo(new BigDecimal("42.5"));
        }

        @Test
        void aDanishDecimalCommaIsANumber() {
            assertThat(draft(form, Map.of("n", "2,5")).values().get("n")).isEqualTo(new BigDecimal("2.5"));
        }
    }

    @Nested
    class Checkbox {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"checkbox","key":"ok","label":"OK","validate":{"required":true}},
                {"type":"checkbox","key":"maybe","label":"Måske"}""");

        @Test
        void unTickedIsFalseAndARequiredOneMustBeTicked() {
            Validated v = submit(form, Map.of());
            assertThat(v.values()).containsEntry("maybe", false);
            assertThat(v.errors()).extracting(FieldError::field).containsExactly("ok");
            assertThat(submit(form, Map.of("ok", "true")).ok()).isTrue();
            assertThat(draft(form, Map.of()).ok()).isTrue();
        }

        @Test
        void onlyTrueOrFalse() {
            assertThat(errorKeys(draft(form, Map.of("maybe", "ja")))).containsExactly("form.error.boolean");
        }
    }

    @Nested
    class Choices {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"radio","key":"r","label":"R","values":[{"label":"Ja","value":"ja"},{"label":"Nej","value":"nej"}]},
                {"type":"select","key":"s","label":"S","validate":{"required":true},"values":[{"label":"Et","value":"1"}]},
                {"type":"checklist","key":"c","label":"C","values":[{"label":"A","value":"a"},{"label":"B","value":"b"}]},
                {"type":"taglist","key":"t","label":"T","values":[{"label":"X","value":"x"},{"label":"Y","value":"y"}]}""");

        @Test
        void onlyValuesFromTheOptionList() {
            assertThat(draft(form, Map.of("r", "måske")).errors()).extracting(FieldError::field).containsExactly("r");
            assertThat(draft(form, Map.of("s", "2")).errors()).extracting(FieldError::field).containsExactly("s");
            assertThat(draft(form, Map.of("c", List.of("a", "evil"))).errors()).extracting(FieldError::field).containsExactly("c");
            assertThat(draft(form, Map.of("t", List.of("<script>"))).errors()).extracting(FieldError::field).containsExactly("t");
        }

        @Test
        void multiChoicesAreListsWithoutDuplicates() {
            Validated v = submit(form, Map.of("r", "ja", "s", "1", "c", List.of("b", "a", "b"), "t", List.of("y")));
            assertThat(v.ok()).isTrue();
            assertThat(v.values()).containsEntry("r", "ja").containsEntry("s", "1")
                    .containsEntry("c", List.of("b", "a")).containsEntry("t", List.of("y"));
        }

        @Test
        void aRequiredSelectMustBeChosen() {
            assertThat(submit(form, Map.of("s", "")).errors()).extracting(FieldError::messageKey).containsExactly("form.error.required");
        }
    }

    @Nested
    class Dates {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"datetime","subtype":"date","key":"d","dateLabel":"Dato"},
                {"type":"datetime","subtype":"time","key":"t","timeLabel":"Tid"}""");

        @Test
        void onlyRealIsoDates() {
            assertThat(draft(form, Map.of("d", "2025-02-28")).values()).containsEntry("d", LocalDate.of(2025, 2, 28));
            assertThat(errorKeys(draft(form, Map.of("d", "2025-02-30")))).containsExactly("form.error.date");
            assertThat(errorKeys(draft(form, Map.of("d", "31/12/2024")))).containsExactly("form.error.date");
            assertThat(errorKeys(draft(form, Map.of("t", "25:61")))).containsExactly("form.error.date");
            assertThat(draft(form, Map.of("t", "09:30")).values()).containsEntry("t", "09:30");
        }
    }

    @Nested
    class Uploads {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"textfield","key":"plan","label":"Plan","properties":{"upload":"true"},"validate":{"required":true}}""");

        @Test
        void aRequiredUploadIsMetByANewFileOrTheOneStored() {
            assertThat(errorKeys(submit(form, Map.of()))).containsExactly("form.error.required");
            FormInput withFile = FormInput.empty().withUpload("plan",
                    new FormInput.Upload("plan.pdf", new ByteArrayResource(new byte[] {1})));
            Validated v = FormValidator.validate(form, withFile, Mode.SUBMIT, Map.of());
            assertThat(v.ok()).isTrue();
            assertThat(v.uploads()).containsKey("plan");
            Validated kept = FormValidator.validate(form, FormInput.empty(), Mode.SUBMIT,
                    Map.of("plan", new DocumentRef(7, "plan.pdf")));
            assertThat(kept.values()).containsEntry("plan", new DocumentRef(7, "plan.pdf"));
        }

        @Test
        void aFileForAFieldThatIsNoUploadIsRefused() {
            FormDefinition text = TestForms.withComponents("{\"type\":\"textfield\",\"key\":\"x\",\"label\":\"X\"}");
            FormInput file = FormInput.empty().withUpload("x", new FormInput.Upload("a.pdf", new ByteArrayResource(new byte[] {1})));
            assertThat(errorKeys(FormValidator.validate(text, file, Mode.DRAFT, Map.of()))).containsExactly("form.error.unknownField");
        }
    }

    @Test
    void aPostedFieldTheFormDoesNotHaveIsRefusedByName() {
        FormDefinition form = TestForms.withComponents("{\"type\":\"textfield\",\"key\":\"x\",\"label\":\"X\"}");
        Validated v = draft(form, Map.of("x", "ok", "isAdmin", "true"));
        assertThat(v.errors()).containsExactly(new FieldError(null, "form.error.unknownField", "isAdmin"));
    }

    @Nested
    class Conditions {
        final FormDefinition form = TestForms.withComponents("""
                {"type":"checkbox","key":"member","label":"Medlem?"},
                {"type":"textfield","key":"why","label":"Hvorfor ikke?","validate":{"required":true},
                 "conditional":{"hide":"=member = true"}},
                {"type":"group","id":"g","label":"Detaljer","conditional":{"hide":"=member != true"},"components":[
                  {"type":"number","key":"since","label":"Siden","validate":{"required":true,"min":1991}},
                  {"type":"textfield","key":"more","label":"Mere","conditional":{"hide":"=since < 2000"}}
                ]}""");

        @Test
        void aHiddenFieldIsNeverRequired() {
            Validated v = submit(form, Map.of("member", "true", "since", "1995"));
            assertThat(v.errors()).isEmpty();
            assertThat(v.hidden()).contains("why", "more").doesNotContain("since");
        }

        @Test
        void aShownFieldIsRequired() {
            assertThat(submit(form, Map.of()).errors()).extracting(FieldError::field).containsExactly("why");
        }

        @Test
        void aHiddenFieldsValueIsNeverKeptNorChecked() {
            Validated v = submit(form, Map.of("member", "true", "why", "<script>", "since", "2005", "more", "x"));
            assertThat(v.values()).doesNotContainKey("why").containsEntry("more", "x");
            Validated notMember = submit(form, Map.of("why", "for dyrt", "since", "abc", "more", "y"));
            assertThat(notMember.ok()).isTrue(); // the hidden group's bad number is not even checked
            assertThat(notMember.values()).containsOnlyKeys("member", "why");
        }

        @Test
        void aHiddenFieldDoesNotCountInOtherConditions() {
            FormDefinition chain = TestForms.withComponents("""
                    {"type":"checkbox","key":"a","label":"A"},
                    {"type":"textfield","key":"b","label":"B","conditional":{"hide":"=a != true"}},
                    {"type":"textfield","key":"c","label":"C","conditional":{"hide":"=b = null"}}""");
            assertThat(submit(chain, Map.of("b", "x", "c", "y")).values()).containsOnlyKeys("a");
            assertThat(submit(chain, Map.of("a", "true", "b", "x", "c", "y")).values()).containsOnlyKeys("a", "b", "c");
        }

        @Test
        void conditionsOnChoicesAndNumbers() {
            FormDefinition f = TestForms.withComponents("""
                    {"type":"checklist","key":"goals","label":"G","values":[{"label":"A","value":"a"},{"label":"B","value":"b"}]},
                    {"type":"number","key":"n","label":"N"},
                    {"type":"textfield","key":"onB","label":"B","conditional":{"hide":"=not(list contains(goals, \\"b\\"))"}},
                    {"type":"textfield","key":"big","label":"Big","conditional":{"hide":"=n = null or n <= 10"}}""");
            assertThat(submit(f, Map.of("goals", List.of("a"), "n", "5", "onB", "x", "big", "y")).values())
                    .containsOnlyKeys("goals", "n");
            assertThat(submit(f, Map.of("goals", List.of("b"), "n", "11", "onB", "x", "big", "y")).values())
                    .containsOnlyKeys("goals", "n", "onB", "big");
        }
    }

    @Test
    void expressionFieldsAreComputedOnTheServer() {
        FormDefinition form = TestForms.withComponents("""
                {"type":"number","key":"members","label":"Medlemmer"},
                {"type":"expression","key":"fee","expression":"=members * 2.5","computeOn":"change"}""");
        Validated v = submit(form, Map.of("members", "4"));
        assertThat((BigDecimal) v.values().get("fee")).isEqualByComparingTo("10");
        assertThat(errorKeys(draft(form, Map.of("fee", "1")))).containsExactly("form.error.unknownField");
    }
}
