package org.healthycities.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Web sessions live in the database (Spring Session JDBC, tables from Flyway V880), not in one node's
 * memory: any node answers any request of a logged-in user, and a restarted node loses no login.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** Two requests of one session setting the same attribute at once must not fail on the primary key. */
    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
