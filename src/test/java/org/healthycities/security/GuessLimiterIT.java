package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The guess limit for private links is counted in the database: two nodes share one count per address. */
@IntegrationTest
class GuessLimiterIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @Test
    void twoNodesShareTheCountAndTheWindowEnds() {
        GuessLimiter nodeA = node();
        GuessLimiter nodeB = node();
        String address = "10.88.0." + (ADDRESSES.incrementAndGet() % 250 + 1);
        for (int i = 0; i < 20; i++) {
            nodeA.failed(address);
        }
        for (int i = 0; i < 9; i++) {
            nodeB.failed(address);
        }
        assertThat(nodeA.blocked(address)).as("29 misses on two nodes").isFalse();
        nodeB.failed(address);
        assertThat(nodeA.blocked(address)).as("the 30th, counted on the other node").isTrue();
        assertThat(nodeB.blocked(address)).isTrue();
        assertThat(nodeA.blocked("10.88.1.1")).as("other addresses").isFalse();

        TestClock.set(TestClock.now().plus(Duration.ofMinutes(11)));
        assertThat(nodeA.blocked(address)).as("after the window").isFalse();
        nodeB.failed(address);
        assertThat(nodeA.blocked(address)).as("a new window counts from one").isFalse();
    }

    private GuessLimiter node() {
        return new GuessLimiter(List.of("/application/**"), 30, Duration.ofMinutes(10), clock, jdbc);
    }
}
