package org.healthycities.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestsInFlightTest {

    /** Long enough for the held batch to have started had it not been held, on any machine. */
    private static final long HELD_MILLIS = 300;

    @Test
    void aRequestIsCountedUntilItEnds_alsoWhenItFails() throws Exception {
        RequestsInFlight requests = new RequestsInFlight(1, Duration.ofSeconds(5));
        int[] during = new int[1];
        requests.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (rq, rs) -> during[0] = requests.inFlight());
        FilterChain failing = (rq, rs) -> {
            throw new ServletException("broken");
        };
        assertThatThrownBy(() -> requests.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing))
                .isInstanceOf(ServletException.class);

        assertThat(during[0]).isEqualTo(1);
        assertThat(requests.inFlight()).isZero();
    }

    @Test
    void jobsWaitWhileMoreRequestsThanTheLimitAreServed_andStartWhenTheyEnd() throws Exception {
        RequestsInFlight requests = new RequestsInFlight(1, Duration.ofMinutes(1));
        CountDownLatch answer = holdRequests(requests, 2);

        CountDownLatch ran = startJobs(requests);

        assertThat(ran.await(HELD_MILLIS, TimeUnit.MILLISECONDS)).as("held while two requests are served").isFalse();
        answer.countDown();
        assertThat(ran.await(10, TimeUnit.SECONDS)).as("started once they are answered").isTrue();
    }

    @Test
    void jobsStartAtOnceWhenRequestsAreFew() throws Exception {
        RequestsInFlight requests = new RequestsInFlight(1, Duration.ofMinutes(1));
        CountDownLatch answer = holdRequests(requests, 1);

        CountDownLatch ran = startJobs(requests);

        assertThat(ran.await(10, TimeUnit.SECONDS)).as("one request is not more than the limit").isTrue();
        answer.countDown();
    }

    @Test
    void jobsStartAfterTheLongestWait_evenWhileTheServerStaysBusy() throws Exception {
        RequestsInFlight requests = new RequestsInFlight(0, Duration.ofMillis(50));
        CountDownLatch answer = holdRequests(requests, 1);

        CountDownLatch ran = startJobs(requests);

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(requests.inFlight()).isEqualTo(1);
        answer.countDown();
    }

    /**
     * {@code count} requests that are being served until the latch returned opens (also used by
     * {@link JobsWaitForPeopleIT}); returns once all of them are in.
     */
    static CountDownLatch holdRequests(RequestsInFlight requests, int count) throws InterruptedException {
        CountDownLatch serving = new CountDownLatch(count);
        CountDownLatch answer = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            start(() -> serve(requests, serving, answer));
        }
        assertThat(serving.await(10, TimeUnit.SECONDS)).as("the requests are in").isTrue();
        return answer;
    }

    /** A batch of jobs handed to the executor's thread, as the engine hands one; the latch opens when it runs. */
    private static CountDownLatch startJobs(RequestsInFlight requests) {
        CountDownLatch ran = new CountDownLatch(1);
        start(requests.decorate(ran::countDown));
        return ran;
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
    }

    private static void serve(RequestsInFlight requests, CountDownLatch serving, CountDownLatch answer) {
        try {
            requests.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (rq, rs) -> {
                serving.countDown();
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
