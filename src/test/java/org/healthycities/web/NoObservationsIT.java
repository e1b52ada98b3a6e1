package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.FilterChainProxy;

/**
 * Nothing reads metrics or traces (Actuator exposes health and startup only), so no request pays for observing
 * itself: no timer per request, and Spring Security's filters are not each wrapped in an observation (in a profile
 * of the workshop's saves that wrapping and the request timers were 12 % of the request threads' samples).
 */
@IntegrationTest
class NoObservationsIT {

    @Autowired MeterRegistry meters;
    @Autowired FilterChainProxy security;
    @Value("${local.server.port}") int port;

    @Test
    void aRequestRecordsNoObservation_andTheSecurityFiltersAreNotWrapped() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);

        assertThat(meters.find("http.server.requests").meters()).isEmpty();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
        assertThat(security.getFilterChains()).allSatisfy(chain -> assertThat(chain.getFilters())
                .allSatisfy(f -> assertThat(f.getClass().getName()).doesNotContain("Observation")));
    }
}
