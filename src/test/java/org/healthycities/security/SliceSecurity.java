package org.healthycities.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application's own security rules for a controller slice ({@code @WebMvcTest}): the same filter chains, login
 * page, CSRF cookie and public paths as the full application, with the identity service behind them mocked by the
 * slice. Public so that slices in other packages can import the package's configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, CamundaIdentityAuthenticationProvider.class})
public class SliceSecurity {

    /** A fixed moment: a slice reads no clock of the test's own (support/TestClock belongs to the full stack). */
    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    }
}
