package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.DueJobs;
import org.healthycities.forms.SaveResult;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.ParticipantService.Access;
import org.healthycities.workshop.internal.TestSessions.Opened;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15, "workshops can be corrected": until a session opens everything is editable; after that only a
 * question's wording and the deadline (the process's timer moves with it), every other change refused by name
 * with what was typed kept; a reworded question keeps its answers; a deleted question with answers asks first and
 * keeps them in the summary and the export.
 */
@IntegrationTest
class WorkshopEditIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    WorkshopService workshops;
    @Autowired
    ParticipantService participants;
    @Autowired
    SheetStore sheets;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private RequestPostProcessor secretary(String prefix) {
        return TestMembers.login(identity, TestUsers.create(identity, prefix, CurrentUser.SECRETARIAT, "sund-by"));
    }

    private static String minutes(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String deadlineTyped(SessionView view) {
        return minutes(LocalDateTime.ofInstant(view.session().getDeadline(), TestClock.COPENHAGEN));
    }

    private SessionView reload(long sessionId) {
        return workshops.session(TestSessions.SUND_BY, sessionId).orElseThrow();
    }

    private Access join(Opened opened, int group) {
        JoinForm form = new JoinForm(opened.code(), opened.view().groups().get(group).getId(), null, null, null);
        return participants.access(participants.join(opened.view(), form, TestSessions.errors(form)).orElseThrow())
                .orElseThrow();
    }

    private ProcessInstance instance(long sessionId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(WorkshopProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(sessionId)).singleResult();
    }

    @Test
    void untilTheSessionOpensTheWorkshopTheSessionAndItsQuestionsAreAllEditable() throws Exception {
        RequestPostProcessor user = secretary("edit");
        SessionView draft = TestSessions.draft(workshops, "A\nB", TestSessions.now().plusHours(2));
        long sessionId = draft.session().getId();
        long workshopId = draft.workshop().getId();
        Assignment a = workshops.addAssignment(TestSessions.SUND_BY, sessionId, new AssignmentForm("Opgave 1", null))
                .orElseThrow();
        List<Long> q = new ArrayList<>();
        for (String label : new String[] {"Første spørgsmål", "Andet spørgsmål", "Tredje spørgsmål"}) {
            QuestionForm form = new QuestionForm(label, Question.Kind.LONG_TEXT, null, null, null);
            q.add(workshops.addQuestion(TestSessions.SUND_BY, sessionId, a.getId(), form, TestSessions.errors(form))
                    .orElseThrow().getId());
        }

        // the workshop: a refusal by the server keeps what was typed
        mvc.perform(get("/workshops/" + workshopId + "/edit").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString(draft.workshop().getTitle())));
        int version = draft.workshop().getVersion();
        mvc.perform(post("/workshops/" + workshopId + "/edit").with(user).with(csrf()).param("title", "Rettet titel")
                        .param("startsOn", "2026-11-15").param("endsOn", "2026-11-14").param("place", "Vejle")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sidste dag kan ikke ligge før første dag.")))
                .andExpect(content().string(containsString("value=\"Rettet titel\"")))
                .andExpect(content().string(containsString("value=\"Vejle\"")));
        assertThat(workshops.workshop(TestSessions.SUND_BY, workshopId).orElseThrow().getTitle())
                .isEqualTo(draft.workshop().getTitle());
        mvc.perform(post("/workshops/" + workshopId + "/edit").with(user).with(csrf()).param("title", "Rettet titel")
                        .param("startsOn", "2026-11-15").param("endsOn", "2026-11-16").param("place", "Vejle")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        Workshop corrected = workshops.workshop(TestSessions.SUND_BY, workshopId).orElseThrow();
        assertThat(corrected.getTitle()).isEqualTo("Rettet titel");
        assertThat(corrected.getPlace()).isEqualTo("Vejle");
        assertThat(corrected.getEndsOn()).isEqualTo(LocalDate.of(2026, 11, 16));
        // a form read before that save is stale: nothing written, the text shown again
        mvc.perform(post("/workshops/" + workshopId + "/edit").with(user).with(csrf()).param("title", "Gammel titel")
                        .param("startsOn", "2026-11-15").param("endsOn", "2026-11-16").param("place", "Vejle")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("En anden har gemt ændringer imens.")))
                .andExpect(content().string(containsString("value=\"Gammel titel\"")));
        assertThat(workshops.workshop(TestSessions.SUND_BY, workshopId).orElseThrow().getTitle()).isEqualTo("Rettet titel");

        // the session: title, deadline and groups (a group that keeps its name keeps its id)
        Long groupA = draft.groups().get(0).getId();
        LocalDateTime deadline = TestSessions.now().plusHours(5).truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(get("/workshops/sessions/" + sessionId + "/edit").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString(deadlineTyped(draft))));
        mvc.perform(post("/workshops/sessions/" + sessionId + "/edit").with(user).with(csrf())
                        .param("title", "Ny sessionstitel").param("deadline", minutes(deadline))
                        .param("place", "Lokale 2.14")
                        .param("groups", "C\nA\nD").param("version", String.valueOf(draft.session().getVersion())))
                .andExpect(status().is3xxRedirection());
        SessionView edited = reload(sessionId);
        assertThat(edited.session().getTitle()).isEqualTo("Ny sessionstitel");
        assertThat(edited.session().getPlace()).isEqualTo("Lokale 2.14");
        mvc.perform(get("/workshops/sessions/" + sessionId).with(user))
                .andExpect(content().string(containsString("Lokale 2.14")));
        assertThat(edited.session().getDeadline()).isEqualTo(deadline.atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(edited.groups()).extracting(WorkshopGroup::getName).containsExactly("C", "A", "D");
        assertThat(edited.groups().get(1).getId()).isEqualTo(groupA);

        // a question: wording and kind, then the order, then one deleted (asks first)
        mvc.perform(post("/workshops/sessions/" + sessionId + "/questions/" + q.get(0) + "/edit").with(user).with(csrf())
                        .param("label", "Første spørgsmål, rettet").param("kind", "CHOICE").param("options", "Ja"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Et valg skal have mindst to valgmuligheder")))
                .andExpect(content().string(containsString("sp&oslash;rgsm&aring;l, rettet"))); // as typed (th:field escapes)
        mvc.perform(post("/workshops/sessions/" + sessionId + "/questions/" + q.get(0) + "/edit").with(user).with(csrf())
                        .param("label", "Første spørgsmål, rettet").param("kind", "CHOICE").param("options", "Ja\nNej"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workshops/sessions/" + sessionId + "/questions/" + q.get(2) + "/move").with(user).with(csrf())
                        .param("direction", "up"))
                .andExpect(status().is3xxRedirection());
        List<Question> questions = reload(sessionId).questions();
        assertThat(questions).extracting(Question::getId).containsExactly(q.get(0), q.get(2), q.get(1));
        assertThat(questions.get(0).getLabel()).isEqualTo("Første spørgsmål, rettet");
        assertThat(questions.get(0).getKind()).isEqualTo(Question.Kind.CHOICE);
        assertThat(questions.get(0).getChoices()).containsExactly("Ja", "Nej");
        mvc.perform(post("/workshops/sessions/" + sessionId + "/questions/" + q.get(1) + "/delete").with(user).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"confirmed\" value=\"yes\"")));
        assertThat(reload(sessionId).questions()).hasSize(3);
        mvc.perform(post("/workshops/sessions/" + sessionId + "/questions/" + q.get(1) + "/delete").with(user).with(csrf())
                        .param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(reload(sessionId).questions()).extracting(Question::getId).containsExactly(q.get(0), q.get(2));

        // another network's secretariat reaches none of it; no form without its CSRF token
        RequestPostProcessor swede = TestMembers.login(identity,
                TestUsers.create(identity, "edit-se", CurrentUser.SECRETARIAT, "hc-sverige"));
        for (String path : new String[] {"/workshops/" + workshopId + "/edit", "/workshops/sessions/" + sessionId + "/edit",
                "/workshops/sessions/" + sessionId + "/questions/" + q.get(0) + "/edit"}) {
            mvc.perform(get(path).with(swede)).andExpect(status().isNotFound());
            mvc.perform(post(path).with(swede).with(csrf()).param("title", "x").param("label", "x"))
                    .andExpect(status().isNotFound());
            mvc.perform(post(path).with(user).param("title", "x").param("label", "x")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/workshops/" + workshopId + "/edit")).andExpect(status().is3xxRedirection()); // to the login
        assertThat(reload(sessionId).session().getTitle()).isEqualTo("Ny sessionstitel");
    }

    @Test
    void afterOpeningOnlyTheWordingAndTheDeadlineChangeAndEveryOtherChangeIsRefusedByName() throws Exception {
        RequestPostProcessor user = secretary("edit-open");
        Opened opened = TestSessions.opened(workshops, "A\nB", TestSessions.now().plusHours(2));
        long id = opened.id();
        SessionView view = reload(id);
        String url = "/workshops/sessions/" + id;
        String version = String.valueOf(view.session().getVersion());

        // the session: title and groups refused by name, in the reader's language, with the typed text kept
        mvc.perform(post(url + "/edit").with(user).with(csrf()).param("title", "Ny titel efter start")
                        .param("place", "Et andet lokale")
                        .param("deadline", deadlineTyped(view)).param("groups", "A\nB\nC").param("version", version))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("»Sted (fx lokale eller sal)« kan ikke ændres, efter gruppearbejdet er åbnet.")))
                .andExpect(content().string(containsString("»Sessionens titel« kan ikke ændres, efter gruppearbejdet er åbnet.")))
                .andExpect(content().string(containsString("»Grupper« kan ikke ændres, efter gruppearbejdet er åbnet.")))
                .andExpect(content().string(containsString("value=\"Ny titel efter start\"")))
                .andExpect(content().string(containsString("A\nB\nC")));
        mvc.perform(post(url + "/edit").with(user).with(csrf()).param("lang", "en").param("title", "New title")
                        .param("deadline", deadlineTyped(view)).param("groups", "A\nB").param("version", version))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“Session title” cannot be changed after the group work has opened.")));
        assertThat(reload(id).session().getTitle()).isEqualTo(view.session().getTitle());
        assertThat(reload(id).session().getPlace()).isEqualTo("Sal A"); // as the session was made
        assertThat(reload(id).groups()).hasSize(2);

        // the workshop the groups have seen: each changed field refused by name
        Workshop workshop = view.workshop();
        mvc.perform(post("/workshops/" + workshop.getId() + "/edit").with(user).with(csrf()).param("title", workshop.getTitle())
                        .param("startsOn", workshop.getStartsOn().toString()).param("endsOn", workshop.getEndsOn().toString())
                        .param("place", "Aarhus").param("version", String.valueOf(workshop.getVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("»Sted« kan ikke ændres, efter gruppearbejdet er åbnet.")))
                .andExpect(content().string(containsString("value=\"Aarhus\"")));
        assertThat(workshops.workshop(TestSessions.SUND_BY, workshop.getId()).orElseThrow().getPlace()).isEqualTo("Odense");

        // a question: its kind refused by name, its order refused, no new question; its wording corrected
        Question text = view.questions().get(0);
        mvc.perform(get(url + "/questions/" + text.getId() + "/edit").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("kun spørgsmålets ordlyd kan rettes")));
        mvc.perform(post(url + "/questions/" + text.getId() + "/edit").with(user).with(csrf())
                        .param("label", "Hvad fungerer rigtig godt?").param("kind", "SCALE").param("scaleMin", "1")
                        .param("scaleMax", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("»Felttype« kan ikke ændres, efter gruppearbejdet er åbnet.")))
                .andExpect(content().string(containsString("Hvad fungerer rigtig godt?")));
        Question choice = view.questions().get(1);
        mvc.perform(post(url + "/questions/" + choice.getId() + "/edit").with(user).with(csrf())
                        .param("label", choice.getLabel()).param("kind", "CHOICE").param("options", "Ja\nNej"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("»Valgmuligheder (én pr. linje, kun for valg)« kan ikke ændres")));
        mvc.perform(post(url + "/questions/" + choice.getId() + "/move").with(user).with(csrf()).param("direction", "up"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Spørgsmålenes rækkefølge kan ikke ændres, efter gruppearbejdet er åbnet.")));
        mvc.perform(post(url + "/assignments/" + view.assignments().get(0).assignment().getId() + "/questions").with(user)
                        .with(csrf()).param("label", "Et nyt spørgsmål").param("kind", "LONG_TEXT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Der kan ikke tilføjes spørgsmål, efter gruppearbejdet er åbnet.")));
        assertThat(reload(id).questions()).extracting(Question::getId).containsExactly(text.getId(), choice.getId());
        assertThat(reload(id).questions().get(1).getChoices()).containsExactly("Ja", "Delvis", "Nej");
        mvc.perform(post(url + "/questions/" + text.getId() + "/edit").with(user).with(csrf())
                        .param("label", "Hvad fungerer rigtig godt?"))
                .andExpect(status().is3xxRedirection());
        assertThat(reload(id).questions().get(0).getLabel()).isEqualTo("Hvad fungerer rigtig godt?");
        assertThat(reload(id).questions().get(0).getKind()).isEqualTo(Question.Kind.LONG_TEXT);
        // an assignment's title and introduction are wording too
        Long assignmentId = view.assignments().get(0).assignment().getId();
        mvc.perform(get(url + "/assignments/" + assignmentId + "/edit").with(user)).andExpect(status().isOk());
        mvc.perform(post(url + "/assignments/" + assignmentId + "/edit").with(user).with(csrf()).param("title", "")
                        .param("intro", "Ny indledning"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv opgavens titel.")))
                .andExpect(content().string(containsString("Ny indledning")));
        mvc.perform(post(url + "/assignments/" + assignmentId + "/edit").with(user).with(csrf())
                        .param("title", "Opgave 1: Strategien, rettet").param("intro", "Ny indledning"))
                .andExpect(status().is3xxRedirection());
        assertThat(reload(id).assignments().get(0).assignment().getTitle()).isEqualTo("Opgave 1: Strategien, rettet");
        assertThat(reload(id).assignments().get(0).assignment().getIntro()).isEqualTo("Ny indledning");

        // the deadline: not into the past; moved ahead, the process's timer moves with it
        ProcessInstance pi = instance(id);
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()) // the engine keeps whole seconds
                .isEqualTo(view.session().getDeadline().truncatedTo(ChronoUnit.SECONDS));
        mvc.perform(post(url + "/edit").with(user).with(csrf()).param("title", view.session().getTitle())
                        .param("deadline", minutes(TestSessions.now().minusHours(1))).param("groups", "A\nB")
                        .param("version", version))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Fristen skal ligge ude i fremtiden.")));
        LocalDateTime later = TestSessions.now().plusHours(4).truncatedTo(ChronoUnit.MINUTES);
        mvc.perform(post(url + "/edit").with(user).with(csrf()).param("title", view.session().getTitle())
                        .param("deadline", minutes(later)).param("groups", "A\nB").param("version", version))
                .andExpect(status().is3xxRedirection());
        Instant moved = later.atZone(TestClock.COPENHAGEN).toInstant();
        assertThat(reload(id).session().getDeadline()).isEqualTo(moved);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getDuedate()
                .toInstant()).as("the deadline timer moved with the deadline").isEqualTo(moved);
        assertThat(((java.util.Date) runtime.getVariable(pi.getId(), "deadline")).toInstant()).isEqualTo(moved);
    }

    @Test
    void theMovedDeadlineIsWhenTheGroupWorkEnds() {
        TestClock.set(LocalDate.of(2030, 5, 13).atTime(10, 0)); // a fixed day, whatever day the suite runs
        Opened opened = TestSessions.opened(workshops, "2", TestSessions.now().plusHours(2));
        ProcessInstance pi = instance(opened.id());
        Access group = join(opened, 0);
        Question text = opened.view().questions().get(0);
        SessionView view = reload(opened.id());
        Instant first = view.session().getDeadline();
        LocalDateTime later = LocalDate.of(2030, 5, 14).atTime(16, 0);
        var form = new Forms.SessionEditForm(view.session().getTitle(), later, "Gruppe 1\nGruppe 2",
                view.session().getVersion(), null);
        var errors = TestSessions.errors(form);
        workshops.correctSession(TestSessions.SUND_BY, opened.id(), form, errors, java.util.Locale.forLanguageTag("da"));
        assertThat(errors.getAllErrors()).isEmpty();

        // past the first deadline the groups still write, and the process still waits for them
        DueJobs.ofProcessInstance(management, pi.getId()).walkUntil(first.plus(1, ChronoUnit.HOURS));
        assertThat(reload(opened.id()).session().isOpen()).isTrue();
        assertThat(participants.save(group, text.getId(), 0, "Skrevet efter den første frist", null))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

        // the moved deadline ends it, at the time typed in the network's zone
        DueJobs.ofProcessInstance(management, pi.getId()).walkUntil(later.plusHours(1).atZone(TestClock.COPENHAGEN).toInstant());
        WorkshopSession session = reload(opened.id()).session();
        assertThat(session.getStatus()).isEqualTo(WorkshopSession.Status.CLOSED);
        assertThat(session.getClosedAt()).isEqualTo(later.atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(WorkshopProcess.CONSOLIDATE_TASK).count()).isOne();
    }

    @Test
    void aRewordedQuestionKeepsItsAnswersAndADeletedOneKeepsThemInTheSummaryAndTheExport() throws Exception {
        RequestPostProcessor user = secretary("edit-answers");
        Opened opened = TestSessions.opened(workshops, "Lighed\nFællesskab", TestSessions.now().plusHours(2));
        String url = "/workshops/sessions/" + opened.id();
        Question text = opened.view().questions().get(0);
        Question choice = opened.view().questions().get(1);
        Access first = join(opened, 0);
        Access second = join(opened, 1);
        assertThat(participants.save(first, text.getId(), 0, "Netværket bærer", null)).isInstanceOf(SaveResult.Saved.class);
        assertThat(participants.save(first, choice.getId(), 0, "Delvis", null)).isInstanceOf(SaveResult.Saved.class);
        assertThat(participants.save(second, text.getId(), 0, "Fællesskabet er stærkt", null)).isInstanceOf(SaveResult.Saved.class);

        // reworded: the same question (same id) with its answers; the groups read the new wording
        mvc.perform(post(url + "/questions/" + text.getId() + "/edit").with(user).with(csrf())
                        .param("label", "Hvad fungerer godt i netværket?"))
                .andExpect(status().is3xxRedirection());
        assertThat(sheets.sheet(opened.view().groups().get(0).getId()).value(text.getId())).isEqualTo("Netværket bærer");
        assertThat(sheets.sheet(opened.view().groups().get(1).getId()).value(text.getId())).isEqualTo("Fællesskabet er stærkt");
        JoinForm again = new JoinForm(opened.code(), opened.view().groups().get(0).getId(), null, null, null);
        String firstToken = participants.join(opened.view(), again, TestSessions.errors(again)).orElseThrow();
        mvc.perform(get("/join/s/" + firstToken)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hvad fungerer godt i netværket?")))
                .andExpect(content().string(containsString("Netværket bærer")));

        // deleting a question with answers asks first, saying the answers are kept
        mvc.perform(post(url + "/questions/" + choice.getId() + "/delete").with(user).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Slet spørgsmålet?")))
                .andExpect(content().string(containsString("1 gruppe har svaret")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"yes\"")));
        assertThat(reload(opened.id()).questions()).hasSize(2);
        mvc.perform(post(url + "/questions/" + choice.getId() + "/delete").with(user).with(csrf()).param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(reload(opened.id()).questions()).extracting(Question::getId).containsExactly(text.getId());
        // gone from the groups' sheet, and no phone writes on it any more
        mvc.perform(get("/join/s/" + firstToken)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(choice.getLabel()))));
        mvc.perform(post("/join/s/" + firstToken + "/field").with(csrf()).param("questionId", choice.getId().toString())
                        .param("version", "1").param("value", "Ja"))
                .andExpect(status().is4xxClientError());
        assertThat(sheets.sheet(opened.view().groups().get(0).getId()).value(choice.getId())).isEqualTo("Delvis");

        // the summary, the PDF and the export show the answers under the question's text, marked deleted
        workshops.closeEarly(TestSessions.SUND_BY, opened.id());
        mvc.perform(get(url + "/summary").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hvad fungerer godt i netværket?")))
                .andExpect(content().string(containsString(choice.getLabel())))
                .andExpect(content().string(containsString("(slettet)")))
                .andExpect(content().string(containsString("Delvis")));
        byte[] pdf = mvc.perform(get(url + "/summary.pdf").with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new Tika().parseToString(new ByteArrayInputStream(pdf)))
                .contains("Hvad fungerer godt i netværket?", "Netværket bærer", choice.getLabel(), "(slettet)", "Delvis");
        byte[] xlsx = mvc.perform(get(url + "/answers.xlsx").with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                rows.add(row.getCell(1).getStringCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                        + row.getCell(4).getStringCellValue());
            }
            assertThat(rows).contains("Hvad fungerer godt i netværket?|Lighed|Netværket bærer",
                    "Hvad fungerer godt i netværket?|Fællesskab|Fællesskabet er stærkt",
                    choice.getLabel() + " (slettet)|Lighed|Delvis");
        }
    }
}
