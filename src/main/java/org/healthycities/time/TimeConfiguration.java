package org.healthycities.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. Production code asks this bean for the time, never {@code Instant.now()}:
 * the tests replace it with one that follows the engine's clock, so that moving the time moves timers,
 * pages and stored timestamps together. Calendar days are the network's (see {@code NetworkClock}).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
