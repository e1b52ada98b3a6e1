package org.healthycities.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context every integration test shares (same annotation, same properties, so Spring's
 * test context cache starts the application, the engine and the database once per test JVM). Runs on
 * the embedded MariaDB under target/, or on the server SPRING_DATASOURCE_URL names. Mail goes to the one
 * GreenMail SMTP server of the JVM ({@link MailServer}), started before the context. The time is the engine's
 * ({@link TestClock}), put back to the real time after each test; the networks' evaluation calendars are started
 * by the tests that need them, so no seeded network opens a round when a test moves the clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@SuiteProperties
@ContextConfiguration(initializers = MailServer.class)
@AutoConfigureMockMvc
@Tag("database")
@ExtendWith(TestClock.class)
public @interface IntegrationTest {
}
