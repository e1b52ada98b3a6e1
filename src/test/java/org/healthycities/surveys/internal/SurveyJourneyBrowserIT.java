package org.healthycities.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.FormEditor.addFromPalette;
import static org.healthycities.support.FormEditor.property;
import static org.healthycities.support.FormEditor.waiting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.DueJobs;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's journey in Chromium: the secretariat brings a survey into the designer (a .form file with five
 * questions, a condition and a required field, and a sixth question from the palette), previews it at 360 px,
 * publishes it and sends it to three members; two coordinators answer on phones (one saves a draft and comes back
 * later with the link), the third gets the process's reminder by mail; the results page's chart data equal SQL
 * counts. Every page is checked with axe and for stray keys.
 */
@IntegrationTest
class SurveyJourneyBrowserIT {

    private static final Pattern LINK = Pattern.compile("(/survey/[A-Za-z0-9_-]{43})");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestNetworks testNetworks;
    @Autowired MemberService members;
    @Autowired ManagementService management;
    @Autowired SurveyService surveys;
    @Autowired SurveyRepository surveyRepository;

    private String network;

    private Member member(int i, String who) {
        return members.create(network, new MemberDetails(TestNetworks.code(i), "x", MemberStatus.ACTIVE,
                LocalDate.of(2020, 1, 1), 15_000 * i, null, null, null, null, null, null, null, "Koordinator " + who,
                email(who), null, null));
    }

    private String email(String who) {
        return who + "-" + network + "@example.org";
    }

    private String link(String who, int mails) {
        Matcher m = LINK.matcher(MailServer.html(MailServer.awaitMails(email(who), mails).get(mails - 1)));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void setDate(Browser browser, String css, String isoDate) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), isoDate);
    }

    private static void choose(Browser browser, String name, String value) {
        browser.find("input[name='" + name + "'][value='" + value + "']").click();
    }

    @Test
    void theSecretariatDesignsSendsFollowsUpAndSeesTheResults() throws Exception {
        TestClock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        network = testNetworks.create("sjb", 5, "survey-round.bpmn", "survey-member.bpmn");
        List<Member> asked = List.of(member(1, "a"), member(2, "b"), member(3, "c"));
        member(4, "d");
        String secretary = TestUsers.create(identity, "sjb", CurrentUser.SECRETARIAT, network);
        long formId;
        try (Browser laptop = Browser.open(port, false)) {
            laptop.login(secretary, TestUsers.PASSWORD);
            laptop.go("/forms/designer").waitForText("Hent en formularfil");
            laptop.type("#import-title", "Trivsel 2027");
            laptop.find("#import-file").sendKeys(Path.of("src/test/resources/surveys/trivsel-2027.form")
                    .toAbsolutePath().toString());
            laptop.click("form[action$='/forms/designer/import'] button[type=submit]").waitForText("Gem kladden");
            formId = jdbc.queryForObject("SELECT id FROM designed_form WHERE network_id = ?", Long.class, network);
            addFromPalette(laptop, "textfield");
            property(laptop, "label", "Kontaktperson");
            property(laptop, "key", "kontakt");
            laptop.click("#save-draft").waitForText("Kladden er gemt.");
            laptop.checkPage("sv-01-designer");
            laptop.click("#publish-form button[type=submit]").waitForText("Version 1 er udgivet.");
        }
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            phone.go("/forms/designer/" + formId + "/preview").waitForText("På vores sider");
            waiting(phone).until(d -> !d.findElements(By.cssSelector("#tasklist-preview .fjs-form")).isEmpty());
            assertThat(phone.find("form.phone-frame").getText()).contains("Er I glade for netværket?")
                    .contains("Kontaktperson");
            phone.checkPage("sv-02-preview-phone");
            assertThat(phone.overflowsHorizontally()).isFalse();
        }

        long surveyId;
        try (Browser laptop = Browser.open(port, false)) {
            laptop.login(secretary, TestUsers.PASSWORD);
            laptop.go("/surveys/new").waitForText("Send et spørgeskema");
            laptop.checkPage("sv-03-send");
            laptop.find("#survey-form option[value='" + formId + "']").click();
            laptop.type("#survey-title", "Trivsel i netværket 2027");
            laptop.click("#choice-PICKED");
            for (Member m : asked) {
                laptop.click("#member-" + m.getId());
            }
            setDate(laptop, "#survey-deadline", "2027-03-22");
            laptop.type("#survey-remindDaysBefore", "7");
            laptop.click("form[action$='/surveys'] button[type=submit]").waitForText("Spørgeskemaet er sendt.");
            surveyId = jdbc.queryForObject("SELECT id FROM survey WHERE network_id = ?", Long.class, network);
            Survey survey = surveyRepository.findById(surveyId).orElseThrow();
            DueJobs.ofTenant(management, network).runUntil(() -> surveys.invited(survey) == 3);
            laptop.waitForText("Invitationer sendt: 3 af 3");
            laptop.checkPage("sv-04-follow-up");
        }

        // A starts on a phone, saves a draft and comes back later with the same link
        String linkA = link("a", 1);
        try (Browser phone = Browser.open(port, true)) {
            phone.go(linkA).waitForText("Trivsel i netværket 2027");
            assertThat(phone.find("#" + fieldId(phone, "mangler")).isDisplayed()).isFalse();
            choose(phone, "f.glad", "nej");
            waiting(phone).until(d -> phone.find("#" + fieldId(phone, "mangler")).isDisplayed());
            phone.find("#" + fieldId(phone, "mangler")).sendKeys("Flere møder om mental sundhed");
            choose(phone, "f.temaer", "mental");
            phone.click("button[value=draft]").waitForText("Kladden er gemt.");
            phone.checkPage("sv-05-answer-draft-phone");
            assertThat(phone.overflowsHorizontally()).isFalse();
        }
        try (Browser phone = Browser.open(port, true)) {
            phone.go(linkA).waitForText("Flere møder om mental sundhed");
            choose(phone, "f.temaer", "lighed");
            phone.type("#" + fieldId(phone, "arrangementer"), "3");
            phone.find("#" + fieldId(phone, "tilfredshed") + " option[value='4']").click();
            phone.click("button[value=submit]").waitForText("Tak for svaret");
            phone.checkPage("sv-06-answered-phone");
        }
        // B answers in one go; a missing required answer is named first
        try (Browser phone = Browser.open(port, true)) {
            phone.go(link("b", 1)).waitForText("Trivsel i netværket 2027");
            phone.click("button[value=submit]").waitForText("Er I glade for netværket?");
            phone.checkPage("sv-07-refused-phone");
            choose(phone, "f.glad", "ja");
            choose(phone, "f.temaer", "mental");
            phone.type("#" + fieldId(phone, "arrangementer"), "5");
            phone.find("#" + fieldId(phone, "tilfredshed") + " option[value='5']").click();
            phone.click("button[value=submit]").waitForText("Tak for svaret");
        }
        // seven days before the deadline the process reminds C, who has not answered (not A or B)
        DueJobs.ofTenant(management, network)
                .walkUntil(LocalDateTime.of(2027, 3, 15, 12, 0).atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(MailServer.awaitMails(email("c"), 2)).hasSize(2);
        assertThat(MailServer.mailsTo(email("a"))).hasSize(1);
        assertThat(MailServer.mailsTo(email("d"))).isEmpty();

        try (Browser laptop = Browser.open(port, false)) {
            laptop.login(secretary, TestUsers.PASSWORD);
            laptop.go("/surveys/" + surveyId).waitForText("Besvaret: 2 af 3 (67 %)");
            assertThat(laptop.find("#recipient-" + recipientOf(surveyId, asked.get(2))).getText())
                    .contains("Ikke åbnet").contains("1 påmindelse");
            laptop.checkPage("sv-08-follow-up-answers");

            // the results: each chart's numbers are the database's counts, and the exports read back
            laptop.click("a[href$='/surveys/" + surveyId + "/results']").waitForText("Hvilke temaer arbejder I med?");
            laptop.checkPage("sv-09-results");
            for (String key : List.of("glad", "temaer", "tilfredshed")) {
                JsonNode chart = JSON.readTree(laptop.find(".question[data-key='" + key + "'] canvas.chart")
                        .getAttribute("data-chart"));
                List<Integer> shown = new ArrayList<>();
                chart.at("/data/datasets/0/data").forEach(n -> shown.add(n.asInt()));
                assertThat(shown).as(key).isEqualTo(sqlCounts(surveyId, key, options(key)));
            }
            byte[] csvBytes = Base64.getDecoder().decode(fetchBase64(laptop, "/surveys/" + surveyId + "/results.csv"));
            assertThat(csvBytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF); // Excel reads it as UTF-8
            String csv = new String(csvBytes, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv).contains(asked.get(0).getName()).contains("Flere møder om mental sundhed")
                    .contains("Mental sundhed, Lighed i sundhed");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                    Base64.getDecoder().decode(fetchBase64(laptop, "/surveys/" + surveyId + "/results.xlsx"))))) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(2); // header and two answers
                StringBuilder all = new StringBuilder();
                sheet.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
                assertThat(all.toString()).contains("Hvor tilfredse er I alt i alt?").contains(asked.get(1).getName())
                        .contains("Flere møder om mental sundhed");
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> options(String key) {
        return switch (key) {
            case "glad" -> List.of("ja", "nej");
            case "temaer" -> List.of("mental", "lighed", "born");
            default -> List.of("1", "2", "3", "4", "5");
        };
    }

    /** How many handed-in answers chose each option, in the form's order, counted in SQL. */
    private List<Integer> sqlCounts(long surveyId, String key, List<String> options) {
        List<Integer> counts = new ArrayList<>();
        for (String option : options) {
            counts.add(jdbc.queryForObject("SELECT COUNT(*) FROM form_answer a JOIN form_submission s ON s.id = a.submission_id "
                    + "WHERE s.subject_type = 'survey' AND s.subject_id = ? AND s.status = 'SUBMITTED' "
                    + "AND a.field_key = ? AND a.option_value = ?", Integer.class, String.valueOf(surveyId), key, option));
        }
        return counts;
    }

    /** A download as the logged-in browser gets it (its session), base64-encoded. */
    private static String fetchBase64(Browser browser, String path) {
        return (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                }, e => done(''));""", path);
    }

    /** The element id our renderer gives a field (the field's key in the form's namespace). */
    private static String fieldId(Browser browser, String key) {
        return browser.find("[name='f." + key + "']").getAttribute("id");
    }

    private long recipientOf(long surveyId, Member m) {
        return jdbc.queryForObject("SELECT id FROM survey_recipient WHERE survey_id = ? AND member_id = ?", Long.class,
                surveyId, m.getId());
    }
}
