package org.healthycities.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class DatabaseIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoriesWarmUp repositories;
    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void everyConnectionIsReadCommittedAndUtf8mb4() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean maria = c.getMetaData().getDatabaseProductVersion().toLowerCase().contains("maria");
            // MariaDB before 11.1 knows only tx_isolation, MySQL 8.4 only transaction_isolation
            String isolation = maria ? "@@session.tx_isolation" : "@@session.transaction_isolation";
            try (ResultSet rs = s.executeQuery("SELECT " + isolation + ", @@character_set_connection, "
                    + "@@character_set_database")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("READ-COMMITTED");
                assertThat(rs.getString(2)).isEqualTo("utf8mb4");
                assertThat(rs.getString(3)).isEqualTo("utf8mb4");
            }
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void danishLettersAndEmojiSurviveARoundTrip() {
        jdbc.update("CREATE TEMPORARY TABLE round_trip (t VARCHAR(100))");
        for (String name : new String[] {"Ærø Kommune", "Tårnby Kommune", "Høje-Taastrup Kommune", "Sundhed 💚"}) {
            jdbc.update("INSERT INTO round_trip (t) VALUES (?)", name);
            assertThat(jdbc.queryForObject("SELECT t FROM round_trip WHERE t = ?", String.class, name))
                    .isEqualTo(name);
        }
        jdbc.update("DROP TEMPORARY TABLE round_trip");
    }

    @Test
    void flywayAndTheEngineOwnTheirTables() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'",
                Integer.class)).isEqualTo(1);
    }

    /** The repositories start lazily: the warm-up makes each one, so a query Hibernate refuses still fails here. */
    @Test
    void everyRepositoryIsMadeWithItsQueriesChecked() {
        assertThat(repositories.warmUp()).isEmpty();
        // and it made them: each lazy repository is a singleton now, not only a definition
        assertThat(beans.getBeanNamesForType(Repository.class, false, false)).isNotEmpty()
                .allSatisfy(name -> assertThat(beans.containsSingleton(name)).as(name).isTrue());
    }
}
