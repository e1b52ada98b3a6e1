package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthycities.security.AuthorizationMatrixIT.Role;
import org.healthycities.security.AuthorizationMatrixIT.Route;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.RealHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** CSRF on every state-changing route, session fixation and logout over real HTTP, and the security headers. */
@IntegrationTest
class WebSecurityIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired SecurityFixture fixture;
    @LocalServerPort int port;

    /**
     * Every POST/PUT/PATCH/DELETE route, sent without a CSRF token by a logged-in secretariat and by the
     * holder of each private link (session-based callers), is refused with 403 before any handler runs.
     */
    @Test
    void everyStateChangingRouteRefusesARequestWithoutCsrfToken() throws Exception {
        SecurityFixture.World w = fixture.world();
        List<String> accepted = new ArrayList<>();
        int cases = 0;
        for (Route route : AuthorizationMatrixIT.routes(context)) {
            if (route.method().equals("GET")) {
                continue;
            }
            for (Role role : List.of(Role.SECRETARIAT, Role.ADMIN, Role.APPLICANT, Role.PARTICIPANT, Role.COORDINATOR)) {
                String url = AuthorizationMatrixIT.fill(route.pattern(), role, w);
                MockHttpServletRequestBuilder b = request(HttpMethod.valueOf(route.method()), url).param("version", "0")
                        .with(SecurityFixture.freshAddress());
                if (role == Role.SECRETARIAT) {
                    b.with(fixture.login(w.secretariat()));
                } else if (role == Role.ADMIN) {
                    b.with(fixture.login(w.admin()));
                }
                MvcResult result = mvc.perform(b).andReturn();
                int status = result.getResponse().getStatus();
                cases++;
                // the CSRF check's own refusal, not any 403 (a route closed to the role would pass for one)
                if (status != 403 || !ErrorReason.CSRF.equals(result.getRequest().getAttribute(ErrorReason.ATTRIBUTE))) {
                    accepted.add(route.method() + " " + route.pattern() + " as " + role + ": " + status);
                }
            }
        }
        System.out.printf("csrf: %d refusals asserted%n", cases);
        assertThat(cases).isGreaterThan(200);
        assertThat(accepted).as("state-changing requests without a CSRF token").isEmpty();
    }

    @Test
    void aFormWithoutItsTokenGetsAPageThatSaysWhatHelps() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Siden var for gammel").contains("genindlæs siden og send igen");
    }

    @Test
    void pagesPublicPrivateLinkAndErrorPagesCarryTheSecurityHeadersAndNoInlineScript() throws Exception {
        SecurityFixture.World w = fixture.world();
        Map<String, Boolean> pages = new java.util.LinkedHashMap<>(); // url → as secretariat
        pages.put("/", false);
        pages.put("/login", false);
        pages.put("/apply/" + SecurityFixture.SUND_BY, false);
        pages.put("/join", false);
        pages.put("/application/" + w.application().token(), false);
        pages.put("/evaluation/" + w.evaluation().token(), false);
        pages.put("/join/s/" + w.workshop().participantToken(), false);
        pages.put("/application/" + "A".repeat(43), false); // the invalid-link page
        pages.put("/evaluation/not-a-real-token-0123456789abcdef", false);
        pages.put("/no-such-page", true);
        pages.put("/members", true);
        pages.put("/workshops/sessions/" + w.workshop().sessionId() + "/projector", true);
        pages.put("/evaluations/" + w.evaluation().evaluationId(), true);
        pages.put("/tasks/" + w.taskId(), true);
        List<String> problems = new ArrayList<>();
        for (var page : pages.entrySet()) {
            MockHttpServletRequestBuilder b = get(page.getKey()).with(SecurityFixture.freshAddress());
            if (page.getValue()) {
                b.with(fixture.login(w.secretariat()));
            }
            MockHttpServletResponse r = mvc.perform(b).andReturn().getResponse();
            problems.addAll(headerProblems(page.getKey(), r.getHeader("Content-Security-Policy"),
                    r.getHeader("X-Content-Type-Options"), r.getHeader("Referrer-Policy")));
            if (r.getContentType() != null && r.getContentType().startsWith("text/html")) {
                problems.addAll(inlineScript(page.getKey(), Jsoup.parse(r.getContentAsString())));
            }
        }
        // and over real HTTP, as a browser gets them
        HttpResponse<String> real = new RealHttp(port).get("/application/" + w.application().token());
        problems.addAll(headerProblems("HTTP /application", real.headers().firstValue("Content-Security-Policy")
                .orElse(null), real.headers().firstValue("X-Content-Type-Options").orElse(null),
                real.headers().firstValue("Referrer-Policy").orElse(null)));
        assertThat(problems).isEmpty();
    }

    static List<String> headerProblems(String url, String csp, String nosniff, String referrer) {
        List<String> problems = new ArrayList<>();
        if (csp == null) {
            return List.of(url + ": no Content-Security-Policy");
        }
        Map<String, String> directives = java.util.Arrays.stream(csp.split(";")).map(String::trim)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split("\\s+")[0], d -> d, (a, b) -> a));
        String scripts = directives.getOrDefault("script-src", directives.get("default-src"));
        if (scripts == null || scripts.contains("'unsafe-inline'") || scripts.contains("'unsafe-eval'")
                || scripts.contains("*")) {
            problems.add(url + ": scripts not limited: " + scripts);
        }
        if (!directives.getOrDefault("frame-ancestors", "").matches("frame-ancestors\\s+'(none|self)'")) {
            problems.add(url + ": frame-ancestors missing or open: " + csp);
        }
        if (!"nosniff".equals(nosniff)) {
            problems.add(url + ": X-Content-Type-Options " + nosniff);
        }
        if (referrer == null || referrer.equals("unsafe-url") || referrer.equals("no-referrer-when-downgrade")) {
            problems.add(url + ": Referrer-Policy " + referrer);
        }
        return problems;
    }

    /** Inline script would be blocked by the CSP and break the page: none in script elements or on* attributes. */
    static List<String> inlineScript(String url, Document html) {
        List<String> problems = new ArrayList<>();
        for (Element script : html.select("script")) {
            if (!script.hasAttr("src") && !script.attr("type").equals("application/json")) {
                problems.add(url + ": inline script " + script.outerHtml());
            }
        }
        for (Element e : html.getAllElements()) {
            e.attributes().forEach(a -> {
                if (a.getKey().toLowerCase().startsWith("on")) {
                    problems.add(url + ": inline handler " + a.getKey() + " on <" + e.tagName() + ">");
                }
                if (a.getValue().trim().toLowerCase().startsWith("javascript:")) {
                    problems.add(url + ": javascript: URL on <" + e.tagName() + ">");
                }
            });
        }
        return problems;
    }
}
