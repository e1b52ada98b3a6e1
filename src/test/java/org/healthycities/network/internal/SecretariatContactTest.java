package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of the secretariat contact form, checked by the same Bean Validation the page uses. */
class SecretariatContactTest {

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static Set<String> invalidFields(SecretariatContact contact) {
        return validator.validate(contact).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static SecretariatContact withWebsite(String website) {
        return new SecretariatContact("Sekretariatet", "kontakt@sundby.dk", "+45 33 66 33 66", website, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://www.sundby.dk", "http://sundby.dk/om-os?side=1", "https://sund-by.dk:8443/"})
    void aWebsiteIsEmptyOrAFullHttpAddress(String website) {
        assertThat(invalidFields(withWebsite(website))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.sundby.dk", "sundby", "https://localhost", "javascript:alert(1)", "ftp://sundby.dk",
            "https://sund by.dk", "https://.dk"})
    void anythingElseIsRefused(String website) {
        assertThat(invalidFields(withWebsite(website))).containsExactly("website");
    }

    @Test
    void theNameIsRequiredTheEmailMustBeOneAndLengthsAreBounded() {
        assertThat(invalidFields(new SecretariatContact(" ", "ikke-en-mail", "1".repeat(41),
                "https://" + "a".repeat(300) + ".dk", false)))
                .containsExactlyInAnyOrder("secretariatName", "secretariatEmail", "secretariatPhone", "website");
        assertThat(invalidFields(new SecretariatContact("x".repeat(201), null, null, null, false)))
                .containsExactly("secretariatName");
    }
}
