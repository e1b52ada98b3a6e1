package org.healthycities.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Forms for unit tests: small form-js JSON written in the test, or the real files in forms/. */
final class TestForms {

    private TestForms() {
    }

    /** A form with these components (a JSON array's content). */
    static FormDefinition withComponents(String componentsJson) {
        return parse("{\"id\":\"test\",\"type\":\"default\",\"schemaVersion\":16,\"components\":[" + componentsJson + "]}");
    }

    static FormDefinition parse(String json) {
        return FormParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static FormDefinition file(String id) {
        try {
            return FormParser.parse(Files.readAllBytes(Path.of("forms", id + ".form")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
