package org.healthycities.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * What a module test ({@code @ApplicationModuleTest}, a Spring context of one feature and the modules it needs) shares
 * with {@link IntegrationTest}: the same embedded MariaDB (same folder, so {@code EmbeddedMariaDb.startShared} hands
 * this context the server the JVM already runs, or starts the one the shared context will reuse: one server per
 * JVM), the same GreenMail server, admin and mail settings, and the tests' clock ({@link TestClock}, imported since
 * support/ is no module and so not scanned).
 *
 * <p>Where it differs, it is because the module's context lives beside the shared one on the same database: its
 * engine has a name of its own (two engines named "default" in one JVM would replace each other in Camunda's
 * registry, and the REST API and the webapps look engines up there), no job executor (it would take jobs of
 * features this context has not loaded; the test runs its own jobs with {@link DueJobs}), no retention job, and the
 * context is closed after its class, so it does not stay in Spring's context cache polling the outbox and relaying
 * hand-ins while the other integration tests run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SuiteProperties
@TestPropertySource(properties = {
        // differs from IntegrationTest, see above
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false",
        "hc.privacy.retention-cron=-"
})
@ContextConfiguration(initializers = MailServer.class)
@Import(TestClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Tag("database")
@ExtendWith(TestClock.class)
public @interface ModuleTestSetup {
}
