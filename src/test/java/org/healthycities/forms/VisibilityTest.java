package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.healthycities.forms.internal.Visibility;
import org.junit.jupiter.api.Test;

/** conditional.hide as form-js decides it, a condition that several components share included. */
class VisibilityTest {

    private static final FormDefinition FORM = TestForms.withComponents("""
            {"type":"checkbox","id":"Field_aq","key":"accessionQuestions","label":"Spørgsmål","readonly":true,"conditional":{"hide":"=true"}},
            {"type":"textfield","id":"Field_q1","key":"q1","label":"Et","conditional":{"hide":"=accessionQuestions = false"}},
            {"type":"textfield","id":"Field_q2","key":"q2","label":"To","conditional":{"hide":"=accessionQuestions = false"}},
            {"type":"group","id":"g","label":"Mere","conditional":{"hide":"=accessionQuestions = false"},"components":[
              {"type":"textfield","id":"Field_q3","key":"q3","label":"Tre"}]},
            {"type":"textfield","id":"Field_why","key":"why","label":"Hvorfor","conditional":{"hide":"=q1 = null"}}""");

    /** The form as a network's page has it: the read-only checkbox's value comes from the network's setting. */
    private static FormDefinition network(boolean accessionQuestions) {
        return FORM.resolve(new FormFeed(Map.of("accessionQuestions", accessionQuestions)), List.of());
    }

    @Test
    void aConditionSharedByComponentsDecidesForEachOfThem() {
        assertThat(Visibility.hidden(network(false), Map.of("accessionQuestions", false)))
                .containsExactlyInAnyOrder("Field_aq", "accessionQuestions", "Field_q1", "q1", "Field_q2", "q2", "g",
                        "Field_q3", "q3", "Field_why", "why");
        assertThat(Visibility.hidden(network(true), Map.of("accessionQuestions", true, "q1", "ja")))
                .containsExactlyInAnyOrder("Field_aq", "accessionQuestions");
    }

    @Test
    void aHiddenFieldsAnswerDoesNotCount_aValueFromTheDataDoes() {
        // q1 is answered but hidden, so "why", which asks for q1, is hidden too; the read-only (hidden) flag counts
        assertThat(Visibility.hidden(network(false), Map.of("accessionQuestions", false, "q1", "ja"))).contains("why");
        assertThat(Visibility.hidden(network(true), Map.of("accessionQuestions", true, "q1", "ja"))).doesNotContain("why");
    }
}
