package org.healthycities.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.healthycities.forms.DesignedForm;
import org.healthycities.forms.FormDesigner;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.DueJobs;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 13, part 2: a survey goes to members, each coordinator answers through a private link (a draft carries over
 * to the next coordinator), reminders and the follow-up come from the processes on the real engine with the clock
 * moved, and a survey by open link stores nothing about the person. Mail through GreenMail.
 */
@IntegrationTest
class SurveyIT {

    private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");
    static final String SCHEMA = """
            {"type":"default","id":"trivsel","schemaVersion":16,"components":[
              {"type":"radio","id":"F1","key":"glad","label":"Er I glade for netværket?","validate":{"required":true},
               "values":[{"label":"Ja","value":"ja"},{"label":"Nej","value":"nej"}]},
              {"type":"number","id":"F2","key":"events","label":"Hvor mange arrangementer deltog I i?"},
              {"type":"textfield","id":"F3","key":"why","label":"Hvorfor? <script>alert(1)</script>"}]}""";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestNetworks testNetworks;
    @Autowired MemberService memberService;
    @Autowired FormDesigner designer;
    @Autowired SurveyService surveys;
    @Autowired RecipientRepository recipients;
    @Autowired SurveyRepository surveyRepository;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    String network;
    List<Member> members;
    long formId;
    RequestPostProcessor secretariat;

    @BeforeEach
    void setUp() {
        TestClock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        network = testNetworks.create("svy", 5, "survey-round.bpmn", "survey-member.bpmn");
        members = List.of(member(1, "a"), member(2, "b"), member(3, "c"));
        formId = publishedForm(network, SCHEMA, designer);
        secretariat = TestMembers.login(identity, TestUsers.create(identity, "svy", CurrentUser.SECRETARIAT, network));
    }

    private Member member(int i, String who) {
        return memberService.create(network, new MemberDetails(TestNetworks.code(i), "x", MemberStatus.ACTIVE,
                LocalDate.of(2020, 1, 1), 10_000 * i, null, null, null, null, null, null, null, "Koordinator " + who,
                email(who), null, null));
    }

    private String email(String who) {
        return who + "-" + network + "@example.org";
    }

    static long publishedForm(String network, String schema, FormDesigner designer) {
        Set<String> mine = Set.of(network);
        DesignedForm form = designer.create(mine, network, "Trivsel", "test").form();
        form = designer.saveDraft(mine, form.getId(), form.getVersion(), "Trivsel",
                schema.getBytes(StandardCharsets.UTF_8), "test").form();
        assertThat(designer.publish(mine, form.getId(), form.getVersion(), "test").ok()).isTrue();
        return form.getId();
    }

    private long send(String audience, String deadline, String remindDays) throws Exception {
        String location = mvc.perform(post("/surveys").with(secretariat).with(csrf()).param("network", network)
                        .param("form", String.valueOf(formId)).param("title", "Trivsel i netværket 2027")
                        .param("deadline", deadline).param("remindDaysBefore", remindDays)
                        .param("audience", audience).param("choice", "ALL"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String link(MimeMessage mail) {
        Matcher m = LINK.matcher(MailServer.html(mail));
        assertThat(m.find()).as("a private link in the mail").isTrue();
        return m.group(1);
    }

    private SurveyRecipient recipient(long surveyId, Member m) {
        return recipients.findBySurveyIdOrderByMemberName(surveyId).stream()
                .filter(r -> r.getMemberId().equals(m.getId())).findFirst().orElseThrow();
    }

    private int submissionVersion(SurveyRecipient r) {
        return jdbc.queryForObject("SELECT version FROM form_submission WHERE id = ?", Integer.class, r.getSubmissionId());
    }

    private DueJobs jobs() {
        return DueJobs.ofTenant(management, network);
    }

    private long followUpTasks() {
        return tasks.createTaskQuery().tenantIdIn(network).taskDefinitionKey(SurveyProcess.TASK_FOLLOW_UP).count();
    }

    @Test
    void membersAreInvitedAnswerThroughTheirLinksAreRemindedAndFollowedUpUntilTheSurveyCloses() throws Exception {
        long id = send("MEMBERS", "2027-03-22", "7");
        Survey survey = surveyRepository.findById(id).orElseThrow();
        assertThat(survey.getRecipientCount()).isEqualTo(3);
        jobs().runUntil(() -> surveys.invited(survey) == 3);
        mvc.perform(get("/surveys/{id}", id).with(secretariat)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Invitationer sendt: 3 af 3")));

        String linkA = link(MailServer.awaitMails(email("a"), 1).get(0));
        String linkB = link(MailServer.awaitMails(email("b"), 1).get(0));
        MailServer.awaitMails(email("c"), 1);

        // A opens, saves a draft; then A's municipality gets a new coordinator, who carries on the same draft
        mvc.perform(get("/survey/{t}", linkA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Trivsel i netværket 2027")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        assertThat(recipient(id, members.get(0)).getStatus()).isEqualTo(RecipientStatus.OPENED);
        mvc.perform(post("/survey/{t}", linkA).with(csrf()).param("version", String.valueOf(
                        submissionVersion(recipient(id, members.get(0))))).param("action", "draft")
                        .param("f.why", "Vi mangler tid til netværket"))
                .andExpect(status().is3xxRedirection());
        assertThat(recipient(id, members.get(0)).getStatus()).isEqualTo(RecipientStatus.DRAFT);
        jdbc.update("UPDATE member SET coordinator_email = ? WHERE id = ?", email("a2"), members.get(0).getId());
        assertThat(surveys.remindNow(survey, recipient(id, members.get(0)).getId(), "test")).isEqualTo(1);
        String linkA2 = link(MailServer.awaitMails(email("a2"), 1).get(0));
        assertThat(linkA2).isNotEqualTo(linkA);
        mvc.perform(get("/survey/{t}", linkA2)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vi mangler tid til netværket")));

        // B hands in; a required answer missing is refused with the field named, nothing stored
        SurveyRecipient b = recipient(id, members.get(1));
        mvc.perform(post("/survey/{t}", linkB).with(csrf()).param("version", String.valueOf(submissionVersion(b)))
                        .param("action", "submit").param("f.events", "3"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Er I glade for netværket?")));
        assertThat(recipient(id, members.get(1)).getStatus()).isEqualTo(RecipientStatus.INVITED);
        mvc.perform(post("/survey/{t}", linkB).with(csrf()).param("version", String.valueOf(submissionVersion(b)))
                        .param("action", "submit").param("f.glad", "ja").param("f.events", "3"))
                .andExpect(status().is3xxRedirection());
        assertThat(recipient(id, members.get(1)).getStatus()).isEqualTo(RecipientStatus.ANSWERED);
        jobs().runAll();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.MEMBER).tenantIdIn(network)
                .processInstanceBusinessKey(b.getId().toString()).count()).isZero();

        // seven days before the deadline, in the morning: whoever has not answered is reminded (not B)
        jobs().walkUntil(LocalDateTime.of(2027, 3, 15, 12, 0).atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(MailServer.awaitMails(email("c"), 2)).hasSize(2);
        assertThat(MailServer.mailsTo(email("b"))).hasSize(1);
        assertThat(recipient(id, members.get(2)).getReminders()).isEqualTo(1);

        // the deadline passes: the secretariat follows up A and C
        jobs().walkUntil(LocalDateTime.of(2027, 3, 23, 8, 0).atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(followUpTasks()).isEqualTo(2);
        mvc.perform(get("/surveys/{id}", id).with(secretariat)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Forvent intet svar fra")));

        // A gets a week more (a date after the survey closes is refused), C is not expected to answer
        long a = recipient(id, members.get(0)).getId();
        mvc.perform(post("/surveys/{id}/recipients/{r}/extend", id, a).with(secretariat).with(csrf())
                .param("deadline", "2027-05-01")).andExpect(status().is3xxRedirection());
        assertThat(recipient(id, members.get(0)).getDeadline()).isEqualTo(LocalDate.of(2027, 3, 22));
        mvc.perform(post("/surveys/{id}/recipients/{r}/extend", id, a).with(secretariat).with(csrf())
                .param("deadline", "2027-03-30")).andExpect(status().is3xxRedirection());
        assertThat(recipient(id, members.get(0)).getDeadline()).isEqualTo(LocalDate.of(2027, 3, 30));
        mvc.perform(post("/surveys/{id}/recipients/{r}/give-up", id, recipient(id, members.get(2)).getId())
                .with(secretariat).with(csrf())).andExpect(status().is3xxRedirection());
        jobs().runAll();
        assertThat(followUpTasks()).isZero();
        assertThat(recipient(id, members.get(2)).getStatus()).isEqualTo(RecipientStatus.NO_ANSWER);

        // A hands in within the new deadline: every member is done, the survey closes
        mvc.perform(post("/survey/{t}", linkA2).with(csrf()).param("version", String.valueOf(
                        submissionVersion(recipient(id, members.get(0))))).param("action", "submit")
                        .param("f.glad", "nej").param("f.why", "Vi mangler tid til netværket"))
                .andExpect(status().is3xxRedirection());
        jobs().runUntil(() -> surveyRepository.findById(id).orElseThrow().isClosed());
        assertThat(surveys.counts(surveyRepository.findById(id).orElseThrow()))
                .containsEntry(RecipientStatus.ANSWERED, 2L).containsEntry(RecipientStatus.NO_ANSWER, 1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_submission WHERE subject_type = 'survey' "
                + "AND subject_id = ? AND status = 'SUBMITTED'", Integer.class, String.valueOf(id))).isEqualTo(2);
        mvc.perform(get("/surveys").with(secretariat)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Trivsel i netværket 2027")))
                .andExpect(content().string(containsString("2 af 3")));
    }

    @Test
    void aSurveyWithNoRecipientsOrAPastDeadlineIsRefusedWithTheFieldsNamedAndNothingStored() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM survey WHERE network_id = ?", Integer.class, network);
        mvc.perform(post("/surveys").with(secretariat).with(csrf()).param("network", network)
                        .param("form", String.valueOf(formId)).param("title", "Trivsel")
                        .param("deadline", "2027-02-28").param("remindDaysBefore", "7")
                        .param("audience", "MEMBERS").param("choice", "PICKED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Svarfrist: Svarfristen skal ligge efter i dag.")))
                .andExpect(content().string(containsString("Valget giver ingen medlemmer")))
                .andExpect(content().string(containsString("href=\"#survey-deadline\"")));
        mvc.perform(post("/surveys").with(secretariat).with(csrf()).param("network", network)
                        .param("form", "").param("title", "").param("deadline", "i morgen")
                        .param("remindDaysBefore", "to").param("choice", "ALL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg en formular.")))
                .andExpect(content().string(containsString("Skriv en titel")))
                .andExpect(content().string(containsString("Skriv en svarfrist som en dato.")))
                .andExpect(content().string(containsString("Skriv et helt antal dage fra 0 til 60.")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey WHERE network_id = ?", Integer.class, network))
                .isEqualTo(before);
    }

    @Test
    void theOpenLinkTakesAnonymousAnswersUntilTheDeadline() throws Exception {
        long id = send("OPEN", "2027-03-10", "0");
        Survey survey = surveyRepository.findById(id).orElseThrow();
        assertThat(survey.getRecipientCount()).isZero();
        mvc.perform(get("/surveys/{id}/qr.png", id).with(secretariat)).andExpect(status().isOk());
        String open = survey.getOpenToken();
        mvc.perform(get("/survey/open/{t}", open)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit svar er anonymt")));
        // the page's conditions are asked of the survey's form version, beside the page's own "version" field
        mvc.perform(post("/forms/{f}/conditions", survey.getFormId()).with(csrf())
                        .param("formVersion", survey.getVersionHash()).param("version", "0").param("f.glad", "nej"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"hidden\"")));
        String location = mvc.perform(post("/survey/open/{t}", open).with(csrf()).header("User-Agent", "Telefon/1.0")
                        .param("action", "submit").param("f.glad", "ja"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(content().string(containsString("Tak for svaret")));
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', person_id, person_email, ip_address, user_agent) FROM "
                + "form_submission WHERE subject_type = 'survey' AND subject_id = ?", String.class, String.valueOf(id)))
                .containsExactly("");

        jobs().walkUntil(LocalDateTime.of(2027, 3, 11, 8, 0).atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(surveyRepository.findById(id).orElseThrow().isClosed()).isTrue();
        mvc.perform(get("/survey/open/{t}", open)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Spørgeskemaet er lukket")));
        mvc.perform(post("/survey/open/{t}", open).with(csrf()).param("action", "submit").param("f.glad", "nej"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_submission WHERE subject_type = 'survey' "
                + "AND subject_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void anotherNetworksSecretariatAndStrangersReachNothing() throws Exception {
        long id = send("MEMBERS", "2027-03-22", "7");
        RequestPostProcessor swede = TestMembers.login(identity,
                TestUsers.create(identity, "svy-se", CurrentUser.SECRETARIAT, "hc-sverige"));
        mvc.perform(get("/surveys/{id}", id).with(swede)).andExpect(status().isNotFound());
        mvc.perform(post("/surveys/{id}/remind", id).with(swede).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/surveys/{id}", id)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/survey/{t}", "x".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/survey/open/{t}", "nope")).andExpect(status().isNotFound());
        mvc.perform(get("/surveys").with(swede)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Trivsel i netværket 2027"))));
    }
}
