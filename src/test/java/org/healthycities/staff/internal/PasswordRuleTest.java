package org.healthycities.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password rule with the shipped list of common passwords. */
class PasswordRuleTest {

    private final PasswordRule rule = new PasswordRule();

    @Test
    void theCommonPasswordListIsShippedAndUsed() {
        assertThat(rule.size()).isGreaterThan(3000);
        assertThat(rule.problem("1qaz2wsx3edc4rfv", "x")).contains("staff.password.common");
        assertThat(rule.problem("password1234", "x")).contains("staff.password.common");
        assertThat(rule.problem("P@ssw0rd2024!", "x")).as("look-alike digits, a year and a mark").contains("staff.password.common");
        assertThat(rule.problem("KØBENHAVN2026!!", "x")).contains("staff.password.common");
        assertThat(rule.problem("sommersommer", "x")).as("doubled").contains("staff.password.common");
        assertThat(rule.problem("123456789012", "x")).as("digits only").contains("staff.password.common");
        assertThat(rule.problem("aaaaaaaaaaaaaaaa", "x")).contains("staff.password.common");
    }

    @Test
    void lengthAndTheUserNameCount() {
        assertThat(rule.problem("Kort og godt", "x")).as("12 characters").isEmpty();
        assertThat(rule.problem("Kort og god", "x")).as("11").contains("staff.password.tooShort");
        assertThat(rule.problem(null, "x")).contains("staff.password.tooShort");
        assertThat(rule.problem("x".repeat(150) + "y".repeat(51), "z")).contains("staff.password.tooLong");
        assertThat(rule.problem("anna.hansen-2031", "anna.hansen")).contains("staff.password.username");
        assertThat(rule.problem("Syv grønne cykler ved havnen", "x")).isEmpty();
    }
}
