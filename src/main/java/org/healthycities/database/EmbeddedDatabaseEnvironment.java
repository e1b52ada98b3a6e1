package org.healthycities.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded MariaDB before any bean exists when no datasource URL is configured, and points
 * Spring's datasource at it. With {@code SPRING_DATASOURCE_URL} set (production MySQL 8.4, or an
 * external test server) nothing is started.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String ACTIVE = "hc.database.embedded.active";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            dialectFor(url, env);
            return;
        }
        if (!env.getProperty("hc.database.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Path home = Path.of(env.getProperty("hc.database.embedded.dir", "data/mariadb"));
        String database = env.getProperty("hc.database.embedded.database", "healthycities");
        boolean fresh = env.getProperty("hc.database.embedded.fresh", Boolean.class, false);
        String binaries = env.getProperty("hc.database.embedded.binaries");
        // started in the background: the data source waits for it (EmbeddedDatabaseLease)
        EmbeddedMariaDb server = EmbeddedMariaDb.startInBackground(home,
                StringUtils.hasText(binaries) ? Path.of(binaries) : EmbeddedMariaDb.DEFAULT_BINARIES, database, fresh);

        Map<String, Object> props = new HashMap<>();
        props.put(ACTIVE, true);
        props.put("spring.datasource.url", server.jdbcUrl());
        props.put("spring.datasource.username", "root");
        props.put("spring.datasource.password", "");
        props.put("spring.datasource.driver-class-name", "org.mariadb.jdbc.Driver");
        props.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
        env.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", props));
    }

    /**
     * Hibernate reads no JDBC metadata at start (mysql-connector-j 9 against MariaDB breaks that), so it is
     * told the dialect from the URL unless one is configured.
     */
    private static void dialectFor(String url, ConfigurableEnvironment env) {
        if (StringUtils.hasText(env.getProperty("spring.jpa.database-platform"))) {
            return;
        }
        String dialect = url.startsWith("jdbc:mariadb:") ? "org.hibernate.dialect.MariaDBDialect"
                : url.startsWith("jdbc:mysql:") ? "org.hibernate.dialect.MySQLDialect" : null;
        if (dialect != null) {
            env.getPropertySources().addLast(new MapPropertySource("databaseDialect",
                    Map.of("spring.jpa.database-platform", dialect)));
        }
    }
}
