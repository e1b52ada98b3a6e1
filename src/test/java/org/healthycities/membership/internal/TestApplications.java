package org.healthycities.membership.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.Map;
import java.util.UUID;
import org.healthycities.forms.FormInput;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Applications with their private link, for tests outside the membership package (security): made through
 * the membership service as /apply makes them, the link issued as the confirmation mail would.
 */
@Component
public class TestApplications {

    /** What a test needs to reach an application: its id, document, private-link token and receipt key. */
    public record Created(long id, String networkId, String token, long documentId, String receiptKey,
                          String processInstanceId) {
    }

    private final MembershipFixtures fixtures;
    private final PrivateLinks links;
    private final ApplicationRepository repository;

    TestApplications(MembershipFixtures fixtures, PrivateLinks links, ApplicationRepository repository) {
        this.repository = repository;
        this.fixtures = fixtures;
        this.links = links;
    }

    /**
     * The /apply form of a complete application as a browser posts it (no file, no CSRF token); {@code changes}
     * replace fields, an empty value leaves one out.
     */
    public static MockMultipartHttpServletRequestBuilder applyRequest(String network, String key, String code,
                                                                      Map<String, String> changes) {
        MockMultipartHttpServletRequestBuilder request = multipart("/apply/" + network);
        request.param("idempotencyKey", key);
        Map.ofEntries(Map.entry("municipalityCode", code),
                Map.entry("population", "43000"), Map.entry("politicalContactName", "Birte Ørsted"),
                Map.entry("politicalContactEmail", "borgmester@" + code + ".example.org"),
                Map.entry("adminContactName", "Aase Ansøger"), Map.entry("adminContactEmail", "ansoeger@" + code + ".example.org"),
                Map.entry("coordinatorName", "Karin Koordinator"), Map.entry("coordinatorEmail", "koordinator@" + code + ".example.org"),
                Map.entry("decisionDate", "2026-09-01"), Map.entry("decisionBody", "Byrådet"),
                Map.entry("accessionSignedByMayor", "true"), Map.entry("mayorName", "Birte Ørsted"),
                Map.entry("coordinatorJoinsAssembly", "true"), Map.entry("motivation", "Lighed i sundhed"),
                Map.entry("consent", "true")).forEach((name, value) -> {
                    String v = changes.getOrDefault(name, value);
                    if (!v.isEmpty()) {
                        request.param(FormInput.PREFIX + name, v);
                    }
                });
        return request;
    }

    /** A new application to the network (a municipality of its own), its process started. */
    public Created apply(String network) {
        String code = fixtures.newMunicipality(network);
        String pageKey = UUID.randomUUID().toString();
        Application a = fixtures.apply(network, MembershipFixtures.form(code), MembershipFixtures.pdf("Beslutning " + code),
                pageKey);
        String token = links.issue(a);
        var instance = fixtures.instance(a);
        return new Created(a.getId(), network, token, a.getDecisionDocumentId(), pageKey,
                instance == null ? null : instance.getId());
    }

    /** Runs the application's due jobs, so its first task exists. */
    public void runJobs(Created created) {
        fixtures.runJobs(created.processInstanceId());
    }

    /** The secretariat asks the applicant these questions (the review task's "ask"); the link then awaits an answer. */
    public void ask(Created created, String questions) {
        runJobs(created);
        fixtures.complete(fixtures.task(created.processInstanceId(), "review"),
                java.util.Map.of("reviewDecision", "ask", "questions", questions));
        runJobs(created);
    }

    /** The application's decision document now, and its status. */
    public Long documentId(long id) {
        return fixtures.reload(repository.findById(id).orElseThrow()).getDecisionDocumentId();
    }

    public String status(long id) {
        return repository.findById(id).orElseThrow().getStatus().name();
    }

    /** A municipality of its own on the network's list of possible members; its code. */
    public String newMunicipality(String network) {
        return fixtures.newMunicipality(network);
    }

    /** The motivation stored with the application made with this receipt key. */
    public String motivation(String receiptKey) {
        return repository.findByIdempotencyKey(receiptKey).orElseThrow().getMotivation();
    }

    /** The decision document of the application made with this receipt key (null: none readable). */
    public Long documentIdByKey(String receiptKey) {
        return repository.findByIdempotencyKey(receiptKey).orElseThrow().getDecisionDocumentId();
    }

    /** Whether an application was made with this receipt key. */
    public boolean exists(String receiptKey) {
        return repository.findByIdempotencyKey(receiptKey).isPresent();
    }

    /** A real one-page PDF.
    public static byte[] pdf(String text) {
        return MembershipFixtures.pdf(text);
    }

    /** The SHA-256 under which a token is stored. */
    public static String storedHash(String token) {
        return PrivateLinks.hash(token);
    }
}
