package org.healthycities.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The job executor's work runs on threads below the requests' priority (EngineConfiguration). */
@IntegrationTest
class JobThreadsIT {

    @Autowired
    @Qualifier(EngineConfiguration.JOB_THREADS)
    ThreadPoolTaskExecutor jobThreads;

    @Test
    void jobsRunAtTheLowestPriority() throws Exception {
        assertThat(jobThreads.submit(() -> Thread.currentThread().getPriority()).get())
                .isEqualTo(Thread.MIN_PRIORITY);
        assertThat(Thread.currentThread().getPriority()).as("a request's or a test's thread")
                .isEqualTo(Thread.NORM_PRIORITY);
    }
}
