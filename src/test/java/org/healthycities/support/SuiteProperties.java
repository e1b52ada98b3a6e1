package org.healthycities.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The settings every test context on the suite's database shares, the one of {@link IntegrationTest} and the module
 * tests' ({@link ModuleTestSetup}): the one embedded MariaDB folder, the admin, GreenMail as the mail server, the
 * networks' senders; each adds only where it differs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "hc.database.embedded.dir=target/embedded-mariadb",
        "hc.database.embedded.fresh=true",
        "hc.admin.username=admin",
        "hc.admin.password=" + TestUsers.ADMIN_PASSWORD,
        "hc.evaluation.calendar.start-on-boot=false",
        "hc.forms.sample.enabled=true",
        "logging.level.org.camunda.bpm.engine.context=WARN",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=${hc.test.smtp-port}",
        "hc.mail.from=Sund By Netværket <noreply@sundby.test>",
        "hc.mail.network-from.hc-sverige=Healthy Cities Sverige <noreply@hcsverige.test>",
        "logging.level.com.icegreen=WARN"
})
public @interface SuiteProperties {
}
