package org.healthycities;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.network.Network;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.network.ThemeGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/**
 * Features meet only through each other's public API: no cycles, no reaching into internals. A module's base
 * package is its API; its sub-packages are internal unless marked as a named interface. The module
 * documentation (Spring Modulith's Documenter) is written into target/spring-modulith-docs: the overview
 * diagram of all modules, one component diagram and one module canvas per module (with its named interfaces),
 * and the document that gathers them.
 */
class ModularityTest {

    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    static final ApplicationModules MODULES = ApplicationModules.of(HealthyCitiesApplication.class);

    /** The named interfaces features offer beside their base package ("module::name"), and a type each holds. */
    static final Map<String, String> NAMED_INTERFACES = Map.of(
            "tasks::task-plugins", "TaskRecordPanel",
            "privacy::personal-data", "PersonalDataHolder",
            "notifications::editable-mails", "EditableMails");

    @BeforeAll
    static void writeTheModuleDocumentation() throws IOException {
        FileSystemUtils.deleteRecursively(DOCS); // so only what this run writes is found

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();
        for (ApplicationModule module : MODULES) {
            addNamedInterfaces(module);
        }
    }

    @Test
    void featurePackagesOnlyMeetThroughTheirPublicApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
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

    /** The base package is not the whole feature: what it keeps to itself sits in a package no other may reach. */
    @ParameterizedTest
    @ValueSource(strings = {"network", "knowledge", "documents", "notifications", "privacy", "staff", "tasks",
            "exports", "surveys", "forms", "workshop", "evaluation", "membership"})
    void aFeatureKeepsItsWorkingsInternal(String name) {
        ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();
        String api = module.getBasePackage().getName();

        List<String> internal = module.getInternalTypes().stream()
                .filter(type -> type.getPackageName().startsWith(api + "."))
                .map(JavaClass::getSimpleName).toList();

        assertThat(internal).as("types of %s in an internal package", name).isNotEmpty();
    }

    /**
     * The network's entities are its API, but their constructors and setters are public only for the network's own
     * editors (network.internal): no other feature creates or changes a network, strategy, goal or theme group.
     */
    @Test
    void onlyTheNetworkChangesItsNetworksStrategiesAndThemeGroups() {
        Set<String> entities = Set.of(Network.class.getName(), Strategy.class.getName(), StrategicGoal.class.getName(),
                ThemeGroup.class.getName());
        DescribedPredicate<JavaCall<?>> change = DescribedPredicate.describe("creates or changes a network entity",
                call -> entities.contains(call.getTargetOwner().getName()) && (call.getName().equals("<init>")
                        || call.getName().startsWith("set") || call.getName().startsWith("update")));

        noClasses().that().resideOutsideOfPackage("org.healthycities.network..").should().callCodeUnitWhere(change)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackagesOf(HealthyCitiesApplication.class));
    }

    @Test
    void theModuleCanvasesListTheNamedInterfaces() throws IOException {
        for (Map.Entry<String, String> expected : NAMED_INTERFACES.entrySet()) {
            String[] qualified = expected.getKey().split("::");
            String module = qualified[0];
            String name = qualified[1];

            NamedInterface offered = MODULES.getModuleByName(module).orElseThrow().getNamedInterfaces()
                    .getByName(name).orElseThrow(() -> new AssertionError(module + " offers no " + name));
            assertThat(offered.asJavaClasses().map(JavaClass::getSimpleName)).as(expected.getKey())
                    .contains(expected.getValue());
            assertThat(Files.readString(DOCS.resolve("module-" + module + ".adoc"))).as("canvas of " + module)
                    .contains("|Named interfaces", "`" + name + "`", "`" + expected.getValue() + "`");
        }
    }

    /**
     * Documenter's module canvas (Spring Modulith 1.4) shows the base package but not the named interfaces: they
     * are added as one more row of the canvas' table, each with its types.
     */
    private static void addNamedInterfaces(ApplicationModule module) throws IOException {
        List<NamedInterface> named = module.getNamedInterfaces().stream().filter(NamedInterface::isNamed).toList();
        Path canvas = DOCS.resolve("module-" + module.getName() + ".adoc");
        if (named.isEmpty() || !Files.exists(canvas)) {
            return;
        }
        String row = named.stream()
                .map(it -> "* `" + it.getName() + "`: " + it.asJavaClasses().map(JavaClass::getSimpleName).sorted()
                        .map(type -> "`" + type + "`").collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n", "|Named interfaces\n|", "\n"));
        String text = Files.readString(canvas);
        int end = text.lastIndexOf("|===");
        Files.writeString(canvas, text.substring(0, end) + row + text.substring(end));
    }
}
