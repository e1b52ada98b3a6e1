package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorSummaryTest {

    @Test
    void linesFollowTheFormsOrder_notTheOrderOfTheChecks_generalProblemsFirst() {
        ErrorSummary s = ErrorSummary.inOrder(List.of("name", "email", "phone", "consent"))
                .add("consent", "Consent", "Give your consent.")
                .add("email", "E-mail", "Enter an e-mail address.")
                .add(null, (String) null, "Saved elsewhere meanwhile.")
                .add("unknown", "Other", "Something.")
                .add("name", "Name", "Enter a name.")
                .build();
        assertThat(s.targets()).containsExactly(null, "name", "email", "consent", "unknown");
        assertThat(s.items().get(1).text()).isEqualTo("Name: Enter a name.");
        assertThat(s.items().get(0).text()).isEqualTo("Saved elsewhere meanwhile.");
    }

    @Test
    void theSameWordsTwice_nameTheirPart_andFailingThatAreNumbered() {
        ErrorSummary s = ErrorSummary.inOrder(List.of("a-email", "b-email", "c", "d"))
                .add("b-email", List.of("Administrative contact", "E-mail"), "Enter an e-mail address.")
                .add("a-email", List.of("Political contact", "E-mail"), "Enter an e-mail address.")
                .add("c", List.of("Group", "Title"), "Required.")
                .add("d", List.of("Title"), "Required.")
                .build();
        assertThat(s.items()).extracting(ErrorSummary.Item::text).containsExactly(
                "Political contact, E-mail: Enter an e-mail address.",
                "Administrative contact, E-mail: Enter an e-mail address.",
                "Group, Title: Required.",
                "Title: Required.");
        ErrorSummary same = ErrorSummary.inOrder(List.of("x", "y"))
                .add("y", "Title", "Required.").add("x", "Title", "Required.").build();
        assertThat(same.items()).extracting(ErrorSummary.Item::text)
                .containsExactly("Title: Required. (1/2)", "Title: Required. (2/2)");
        assertThat(ErrorSummary.inOrder(List.of()).build().isEmpty()).isTrue();
    }
}
