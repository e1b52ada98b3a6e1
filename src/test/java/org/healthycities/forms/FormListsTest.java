package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.healthycities.forms.internal.FormValidator;
import org.healthycities.forms.internal.FormValidator.Mode;
import org.healthycities.forms.internal.FormValidator.Validated;
import org.junit.jupiter.api.Test;

/**
 * What the annual evaluation needs of the renderer and validator: dynamic lists (given by the data or grown by
 * the person), options from valuesKey and valuesExpression, read-only values from the data, and html, image and
 * table components.
 */
class FormListsTest {

    private static final FormDefinition FORM = TestForms.withComponents("""
            {"type":"dynamiclist","path":"goals","label":"Pejlemærker","isRepeating":true,"allowAddRemove":false,"components":[
              {"id":"Text_goal","type":"text","text":"### {{goalTitle}}"},
              {"type":"select","key":"goal","label":"Pejlemærke","valuesKey":"goalOptions","readonly":true},
              {"type":"radio","key":"progress","label":"Hvor langt?","validate":{"required":true},
               "values":[{"label":"Startet","value":"STARTED"},{"label":"Nået","value":"ACHIEVED"}]},
              {"type":"textarea","key":"note","label":"Note","conditional":{"hide":"=progress != \\"ACHIEVED\\""}}]},
            {"type":"dynamiclist","path":"activities","label":"Aktiviteter","isRepeating":true,"allowAddRemove":true,
             "defaultRepetitions":1,"components":[
              {"type":"textfield","key":"title","label":"Titel","validate":{"required":true,"maxLength":10}},
              {"type":"select","key":"status","label":"Status","defaultValue":"ONGOING",
               "values":[{"label":"I gang","value":"ONGOING"},{"label":"Færdig","value":"DONE"}]},
              {"type":"checklist","key":"sdgs","label":"Verdensmål","valuesKey":"sdgOptions"}]},
            {"type":"checklist","key":"sixP","label":"6 P","valuesExpression":"=[{label:\\"Politik\\",value:\\"POLICY\\"}]"},
            {"type":"html","content":"<p>Se <a href=\\"https://example.org\\">mere</a></p><script>alert(1)</script>"},
            {"type":"image","source":"javascript:alert(1)","alt":"Logo"},
            {"type":"table","label":"Sidste år","dataSource":"lastYear","columns":[{"label":"Titel","key":"title"}]}""");

    private static final FormFeed FEED = new FormFeed(Map.of(
            "goals", List.of(Map.of("goal", 11L, "goalTitle", "Sundhed i alle politikker"), Map.of("goal", 12L, "goalTitle", "Lighed")),
            "goalOptions", List.of(Map.of("label", "Sundhed i alle politikker", "value", "11"), Map.of("label", "Lighed", "value", "12")),
            "sdgOptions", List.of(new FormOption("3. Sundhed og trivsel", "3"), new FormOption("10. Mindre ulighed", "10")),
            "lastYear", List.of(Map.of("title", "Cykelby"))));

    private static Validated validate(Map<String, ?> posted, Mode mode) {
        FormInput input = Submissions.compact(FORM, FormInput.of(posted));
        return FormValidator.validate(FORM.resolve(FEED, input.values().keySet()), input, mode, Map.of());
    }

    @Test
    void aListTheDataGivesHasItsItemsWithTheirReadOnlyValuesTakenFromTheDataNotThePost() {
        FormDefinition resolved = FORM.resolve(FEED, List.of());
        assertThat(resolved.fields().stream().map(FormComponent::key)).containsSubsequence(
                "goals[0].goal", "goals[0].progress", "goals[1].goal", "goals[1].progress", "activities[0].title", "sixP");
        Validated v = validate(Map.of("goals[0].progress", "STARTED", "goals[1].progress", "ACHIEVED",
                "goals[1].note", "Nået i 2026", "activities[0].title", "Cykelby", "activities[0].sdgs", List.of("3", "10")),
                Mode.SUBMIT);
        assertThat(v.errors()).isEmpty();
        assertThat(v.values()).containsEntry("goals[0].goal", "11").containsEntry("goals[1].goal", "12")
                .containsEntry("goals[1].note", "Nået i 2026").containsEntry("activities[0].sdgs", List.of("3", "10"))
                .doesNotContainKey("goals[0].note"); // hidden in its own item only: that item's progress is not ACHIEVED
        // a post cannot change what the data gives
        Validated forged = validate(Map.of("goals[0].goal", "99"), Mode.DRAFT);
        assertThat(forged.errors()).extracting(FieldError::messageKey).containsExactly("form.error.unknownField");
    }

    @Test
    void requiredFieldsOfEachItemAreNamedByTheirItemAndAListCannotGrowPastItsLimit() {
        Validated v = validate(Map.of("goals[0].progress", "STARTED", "activities[0].title", "Alt for lang titel",
                "activities[1].status", "DONE"), Mode.SUBMIT);
        assertThat(v.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("goals[1].progress", "activities[0].title", "activities[1].title");
        assertThat(validate(Map.of("activities[0].sdgs", List.of("17")), Mode.DRAFT).errors())
                .extracting(FieldError::messageKey).containsExactly("form.error.option"); // only the fed options
        Map<String, String> tooMany = new java.util.HashMap<>();
        for (int i = 0; i <= FormFeed.MAX_ITEMS; i++) {
            tooMany.put("activities[" + i + "].title", "A" + i);
        }
        assertThat(validate(tooMany, Mode.DRAFT).errors()).extracting(FieldError::messageKey)
                .containsExactly("form.error.unknownField");
        assertThat(validate(Map.of("sixP", List.of("POLICY")), Mode.DRAFT).values()).containsEntry("sixP", List.of("POLICY"));
    }

    @Test
    void itemsLeftAsTheyCameAreDroppedAndTheRestMoveUp() {
        FormInput posted = FormInput.of(Map.of("activities[0].title", "", "activities[0].status", "ONGOING",
                "activities[1].title", "Cykelby", "activities[1].status", "DONE", "activities[2].title", " "));
        FormInput compacted = Submissions.compact(FORM, posted);
        assertThat(compacted.values()).containsOnlyKeys("activities[0].title", "activities[0].status");
        assertThat(compacted.get("activities[0].title")).containsExactly("Cykelby");
        FormInput added = posted.withItemAdded("activities");
        assertThat(FORM.resolve(FEED, added.values().keySet()).fields().stream().map(FormComponent::key))
                .contains("activities[3].title");
        assertThat(posted.withItemRemoved("activities", 0).get("activities[0].title")).containsExactly("Cykelby");
    }

    @Test
    void anAnswerKeyOfAListFindsItsFieldBeforeTheListIsResolved() {
        assertThat(FORM.field("activities[7].sdgs")).get().extracting(FormComponent::kind).isEqualTo(FieldKind.MULTI_CHOICE);
        assertThat(FORM.field("activities[7].nothing")).isEmpty();
        assertThat(FORM.field("title")).isEmpty(); // a list's fields are not the form's own
        FormComponent goal = FORM.resolve(FEED, List.of()).field("goals[1].goal").orElseThrow();
        assertThat(goal.readonly()).isTrue();
        assertThat(goal.defaultValue()).isEqualTo(new BigDecimal("12"));
        assertThat(goal.optionLabel("12")).isEqualTo("Lighed");
    }
}
