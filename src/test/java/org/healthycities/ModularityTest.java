package org.healthycities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/**
 * Features meet only through each other's public API: no cycles, no reaching into internals. The module
 * documentation (Spring Modulith's Documenter) is written into target/spring-modulith-docs: the overview
 * diagram of all modules, one component diagram and one module canvas per module, and the document that
 * gathers them.
 */
class ModularityTest {

    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    static final ApplicationModules MODULES = ApplicationModules.of(HealthyCitiesApplication.class);

    @Test
    void featurePackagesOnlyMeetThroughTheirPublicApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        FileSystemUtils.deleteRecursively(DOCS); // so only what this run writes is found

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();

        List<String> modules = MODULES.stream().map(ApplicationModule::getName).toList();
        assertThat(modules).contains("membership", "workshop", "evaluation", "network", "web");
        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
        for (String module : modules) {
            assertThat(DOCS.resolve("module-" + module + ".puml")).as("component diagram of " + module).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + module + ".adoc")).as("module canvas of " + module).isNotEmptyFile();
        }
        // the overview names every module
        assertThat(Files.readString(DOCS.resolve("components.puml"))).containsIgnoringCase("membership")
                .containsIgnoringCase("workshop").containsIgnoringCase("evaluation");
    }
}
