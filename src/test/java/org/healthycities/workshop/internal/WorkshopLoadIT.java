package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.healthycities.support.IntegrationTest;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.TestSessions.Opened;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 600 phones in 100 groups save their answers within the same minute, over HTTP from 32 threads (sized for
 * a 2-core machine), then all groups hand in at once: every answer is stored exactly once and every group's
 * branch of the process completes. Counts are asserted, never times.
 */
@IntegrationTest
class WorkshopLoadIT {

    static final int GROUPS = 100;
    static final int QUESTIONS = 6;
    static final int PHONES = GROUPS * QUESTIONS;
    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    WorkshopService workshops;
    @Autowired
    ParticipantService participants;
    @Autowired
    SheetStore sheets;
    @Autowired
    RuntimeService runtime;

    private Opened session() {
        SessionView draft = TestSessions.draft(workshops, String.valueOf(GROUPS), TestSessions.now().plusHours(1));
        Long id = draft.session().getId();
        Assignment a = workshops.addAssignment(TestSessions.SUND_BY, id, new AssignmentForm("Opgave", null)).orElseThrow();
        for (int q = 1; q <= QUESTIONS; q++) {
            QuestionForm form = new QuestionForm("Spørgsmål " + q, Question.Kind.LONG_TEXT, null, null, null);
            workshops.addQuestion(TestSessions.SUND_BY, id, a.getId(), form, TestSessions.errors(form)).orElseThrow();
        }
        return TestSessions.open(workshops, id);
    }

    @Test
    void sixHundredPhonesSavingAtOnceAreAllStoredOnceAndEveryGroupHandsIn() throws Exception {
        Opened opened = session();
        List<Question> questions = opened.view().questions();
        List<WorkshopGroup> groups = opened.view().groups();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PHONES; i++) {
            JoinForm form = new JoinForm(opened.code(), groups.get(i / QUESTIONS).getId(), null, null, null);
            tokens.add(participants.join(opened.view(), form, TestSessions.errors(form)).orElseThrow());
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < PHONES; i++) {
                int phone = i;
                saves.add(pool.submit(() -> {
                    String outcome = phone(http, tokens.get(phone), questions.get(phone % QUESTIONS).getId(),
                            "Svar fra telefon " + phone);
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : saves) {
                f.get(5, TimeUnit.MINUTES);
            }
            assertThat(outcomes).containsOnlyKeys("200 saved");
            assertThat(outcomes.get("200 saved").get()).isEqualTo(PHONES);

            List<Future<Boolean>> handIns = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                String token = tokens.get(g * QUESTIONS);
                handIns.add(pool.submit(() -> participants.submit(participants.access(token).orElseThrow())));
            }
            for (Future<Boolean> f : handIns) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        // no answer lost, none stored twice, each where it belongs
        Map<Long, SheetStore.SheetView> stored = sheets.sheets(opened.id());
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < PHONES; i++) {
            SheetStore.SheetView sheet = stored.get(groups.get(i / QUESTIONS).getId());
            assertThat(sheet.value(questions.get(i % QUESTIONS).getId())).isEqualTo("Svar fra telefon " + i);
            assertThat(sheet.version(questions.get(i % QUESTIONS).getId())).isEqualTo(1);
            texts.add(sheet.value(questions.get(i % QUESTIONS).getId()));
        }
        assertThat(texts).hasSize(PHONES);
        assertThat(sheets.answeredFields(List.of(opened.id()))).isEqualTo(PHONES);
        assertThat(stored.values()).hasSize(GROUPS).allSatisfy(
                s -> assertThat(s.sheet().getStatus()).isEqualTo(Sheet.Status.SUBMITTED));

        // every group's branch completed: the process waits for the deadline
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(opened.id()))
                .processDefinitionKey(WorkshopProcess.KEY).singleResult().getId();
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (runtime.getActivityInstance(instance).getActivityInstances("waitForEnd").length == 0) {
            assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("incidents").isZero();
            assertThat(System.nanoTime()).as("all hand-ins reached the process").isLessThan(end);
            Thread.sleep(200);
        }
        workshops.closeEarly(TestSessions.SUND_BY, opened.id());
    }

    /** One phone: opens the sheet (CSRF cookie + token), then saves its field. */
    private String phone(HttpClient http, String token, Long questionId, String text) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/join/s/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return "page " + page.statusCode();
        }
        Matcher csrf = CSRF.matcher(page.body());
        // the CSRF token's cookie: a phone gets no web session
        String cookie = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        if (!csrf.find()) {
            return "no csrf";
        }
        String form = "questionId=" + questionId + "&version=0&value=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(uri("/join/s/" + token + "/field"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                        .header("X-CSRF-TOKEN", csrf.group(1)).header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return saved.statusCode() + (saved.body().contains("\"saved\"") ? " saved" : " " + saved.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
