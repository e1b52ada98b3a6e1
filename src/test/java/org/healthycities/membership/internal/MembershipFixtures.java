package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.forms.FormInput;
import org.healthycities.network.PossibleMemberImport;
import org.healthycities.support.DueJobs;
import org.springframework.stereotype.Component;

/** Applications for tests: each with a municipality code of its own, so tests never meet each other's data. */
@Component
class MembershipFixtures {

    private final Applications applications;
    private final ApplicationRepository repository;
    private final HistoryRepository history;
    private final PossibleMemberImport possibleMembers;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final org.camunda.bpm.engine.TaskService tasks;
    private final DocumentService documents;
    private final org.camunda.bpm.engine.IdentityService identity;

    MembershipFixtures(Applications applications, ApplicationRepository repository, HistoryRepository history,
                       PossibleMemberImport possibleMembers, RuntimeService runtime, ManagementService management,
                       org.camunda.bpm.engine.TaskService tasks, DocumentService documents,
                       org.camunda.bpm.engine.IdentityService identity) {
        this.identity = identity;
        this.tasks = tasks;
        this.documents = documents;
        this.applications = applications;
        this.repository = repository;
        this.history = history;
        this.possibleMembers = possibleMembers;
        this.runtime = runtime;
        this.management = management;
    }

    /** A new municipality in the network's list of possible members; returns its code. */
    String newMunicipality(String network) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        addPossibleMember(network, code, "Testby " + code.substring(2) + " Kommune");
        return code;
    }

    void addPossibleMember(String network, String code, String name) {
        String csv = "code,name,kind\n" + code + "," + name + ",municipality\n";
        try {
            var report = possibleMembers.importCsv(network, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            assertThat(report.failed()).isFalse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a Sund By applicant fills in, for a municipality of this code: the answers by the keys of
     * forms/membership-application.form, to change before {@link #apply(String, Map, byte[])}.
     */
    static Map<String, Object> form(String code) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("municipalityCode", code);
        f.put("population", 43_000);
        f.put("politicalContactName", "Borgmester Birte Ørsted");
        f.put("politicalContactEmail", "borgmester@" + code + ".example.org");
        f.put("adminContactName", "Aase Administration");
        f.put("adminContactEmail", "ansoeger@" + code + ".example.org");
        f.put("coordinatorName", "Karin Koordinator");
        f.put("coordinatorEmail", "koordinator@" + code + ".example.org");
        f.put("decisionDate", LocalDate.of(2026, 9, 1));
        f.put("decisionBody", "Byrådet");
        f.put("accessionSignedByMayor", true);
        f.put("mayorName", "Birte Ørsted");
        f.put("coordinatorJoinsAssembly", true);
        f.put("motivation", "Vi vil arbejde for lighed i sundhed.");
        f.put("consent", true);
        return f;
    }

    Application apply(String network, String code) {
        return apply(network, form(code), pdf("Tiltrædelsesdokument for " + code));
    }

    /** The answers submitted as /apply submits them (with a new page key), the decision document beside them. */
    Application apply(String network, Map<String, Object> form, byte[] document) {
        return apply(network, form, document, UUID.randomUUID().toString());
    }

    Application apply(String network, Map<String, Object> form, byte[] document, String pageKey) {
        ReadUpload upload = document == null ? null : upload("beslutning.pdf", document);
        return applications.submit(network, ApplicationAnswers.of(FormInput.of(form)), pageKey,
                Locale.forLanguageTag("da"), "Vi giver samtykke.", upload);
    }

    /** A file as the web layer reads it, before the transaction. */
    ReadUpload upload(String filename, byte[] content) {
        try {
            return documents.read(filename, new ByteArrayInputStream(content));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Application reload(Application a) {
        return repository.findById(a.getId()).orElseThrow();
    }

    List<String> historyKinds(Application a) {
        return history.findByApplicationIdOrderByOccurredAtAscIdAsc(a.getId()).stream().map(HistoryEntry::getKind).toList();
    }

    /** The mails sent about an application, as "template → address". */
    List<String> mails(Application a) {
        return history.findByApplicationIdOrderByOccurredAtAscIdAsc(a.getId()).stream()
                .filter(h -> h.kind.equals("MAIL")).map(h -> h.detail).toList();
    }

    ProcessInstance instance(Application a) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("membership-onboarding")
                .processInstanceBusinessKey(String.valueOf(a.getId())).singleResult();
    }

    /** Runs the process's due jobs (async steps, timers due by the engine's clock) until none is left. */
    void runJobs(String processInstanceId) {
        // as the job executor runs them: without the test's user, whose rights are not the engine's
        var who = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            DueJobs.ofProcessInstance(management, processInstanceId).runAll();
        } finally {
            if (who != null) {
                identity.setAuthentication(who);
            }
        }
    }

    org.camunda.bpm.engine.task.Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    void complete(org.camunda.bpm.engine.task.Task task, java.util.Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    /** A real PDF with a line of text, made with PDFBox. */
    static byte[] pdf(String text) {
        return org.healthycities.support.TestPdfs.withText(text);
    }

    /** Starts like a PDF, but is not one: Tika sees a PDF and cannot read it. */
    static byte[] brokenPdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without end".getBytes(StandardCharsets.US_ASCII);
    }
}
