package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole workshop in real browsers: the secretariat sets up a session from the 2017 template and opens
 * it; two phones (360 px) join the same group by code and write on the shared sheet; the second phone's
 * stale save shows both versions and is resolved; a phone that lost its connection keeps its text and
 * saves it when back; the live view shows the progress; the secretariat closes early, consolidates and
 * downloads the PDF and the XLSX. Every page is screenshotted and checked with axe-core.
 */
@IntegrationTest
class WorkshopBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    SheetStore sheets;

    private static void waitUntil(Browser browser, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        browser.waiting(Duration.ofSeconds(30)).until(condition);
    }

    private static String statusOf(Browser browser, String questionId) {
        return browser.driver().findElement(By.id("status-" + questionId)).getText();
    }

    @Test
    void twoPhonesInOneGroupAndTheSecretariatRunAWorkshopEndToEnd() throws Exception {
        String secretary = TestUsers.create(identity, "wsb", CurrentUser.SECRETARIAT, "sund-by");
        String title = "Koordinatordage " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser desk = Browser.open(port, false); Browser anne = Browser.open(port, true);
             Browser bo = Browser.open(port, true)) {
            // the secretariat sets up the session
            desk.login(secretary, TestUsers.PASSWORD);
            desk.go("/workshops").checkPage("ws-01-workshops");
            desk.type("#title", title).type("#startsOn", "14-11-2026").type("#place", "Nyborg Strand")
                    .click("main form button[type=submit]").waitForText("Ny session med gruppearbejde");
            desk.checkPage("ws-02-workshop");
            desk.type("#title", "Gruppearbejde om strategien");
            desk.driver().executeScript("document.getElementById('deadline').value = arguments[0];",
                    TestSessions.now().plusHours(2).withSecond(0).withNano(0).toString());
            desk.type("#groups", "Lighed\nFællesskab").click("main form[action$='/sessions'] button[type=submit]")
                    .waitForText("Kopiér opgaver");
            String sessionUrl = URI.create(desk.driver().getCurrentUrl()).getPath();
            desk.click("form[action$='/copy'] button").waitForText("Opgave 3: Temagrupperne")
                    .checkPage("ws-03-session-setup");
            desk.click("form[action$='/open'] button").waitForText("Lav en ny kode");
            desk.checkPage("ws-04-projector");
            String code = desk.find(".join-code").getText();
            assertThat(code).matches("[" + Codes.ALPHABET + "]{6}");
            Object qrLoaded = desk.driver().executeScript("return document.querySelector('img.qr').naturalWidth;");
            assertThat(((Number) qrLoaded).intValue()).as("the QR image loads").isGreaterThan(0);

            // two phones join the same group
            anne.go("/join").checkPage("ws-phone-01-join");
            anne.type("#code", "XXXXXX").click("main form button[type=submit]").waitForText("Koden findes ikke");
            anne.checkPage("ws-phone-02-wrong-code");
            anne.type("#code", code.toLowerCase()).click("main form button[type=submit]").waitForText("Vælg jeres gruppe");
            anne.checkPage("ws-phone-03-choose-group");
            anne.click("#groupId").type("#name", "Anne Ager").type("#email", "anne-" + UUID.randomUUID() + "@example.org")
                    .click("main form button[type=submit]").waitForText("Lighed: svarark");
            anne.checkPage("ws-phone-04-sheet");
            assertThat(anne.overflowsHorizontally()).as("the sheet scrolls sideways at 360 px").isFalse();
            bo.go("/join?code=" + code).waitForText("Vælg jeres gruppe").click("#groupId")
                    .click("main form button[type=submit]").waitForText("Lighed: svarark");

            String q1 = anne.find("textarea[data-autosave]").getAttribute("data-question");
            String first = "textarea#q" + q1;
            bo.click(first); // Bo is in the field: the live sheet leaves a field someone is typing in alone
            anne.find(first).sendKeys("Strategien taler til kommunerne.");
            waitUntil(anne, d -> statusOf(anne, q1).equals("Gemt."));

            // Bo's page still holds version 0: his save is refused and both versions are shown
            bo.find(first).sendKeys("Strategien er for abstrakt.");
            bo.waitForText("En anden i gruppen har gemt et andet svar");
            assertThat(bo.find("#conflict-" + q1).getText()).contains("Strategien taler til kommunerne.",
                    "Strategien er for abstrakt.");
            bo.checkPage("ws-phone-05-conflict");
            assertThat(bo.overflowsHorizontally()).isFalse();
            // Bo reloads without choosing: the choice is still his group's to make, and Anne's text still stands
            bo.driver().navigate().refresh();
            bo.waitForText("Gruppen har flere versioner af dette svar");
            assertThat(sheetValue(Long.valueOf(q1))).isEqualTo("Strategien taler til kommunerne.");
            assertThat(bo.find("#conflict-" + q1).getText()).contains("Strategien taler til kommunerne.",
                    "Strategien er for abstrakt.");
            bo.checkPage("ws-phone-06-conflict-after-reload");
            bo.click("#conflict-" + q1 + " .use-other").waitForText("Svararket er gemt.");
            // the group's sheet now holds Bo's chosen version
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String stored = null;
            while (System.nanoTime() < end) {
                stored = sheetValue(Long.valueOf(q1));
                if ("Strategien er for abstrakt.".equals(stored)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(stored).isEqualTo("Strategien er for abstrakt.");
            // the group's sheet is shared live: Anne, out of the field, sees Bo's chosen text without a reload
            anne.click("main h1");
            waitUntil(anne, d -> "Strategien er for abstrakt.".equals(anne.find(first).getAttribute("value")));

            // Anne loses the connection: her text stays on the phone and is saved when she is back
            String q2 = anne.all("textarea[data-autosave]").get(1).getAttribute("data-question");
            anne.driver().setNetworkConditions(offline(true));
            anne.find("textarea#q" + q2).sendKeys("Mere om lighed i sundhed.");
            waitUntil(anne, d -> statusOf(anne, q2).startsWith("Ingen forbindelse"));
            anne.driver().setNetworkConditions(offline(false));
            anne.driver().navigate().refresh();
            anne.waitForText("Lighed: svarark");
            end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < end && !"Mere om lighed i sundhed.".equals(sheetValue(Long.valueOf(q2)))) {
                Thread.sleep(200);
            }
            assertThat(sheetValue(Long.valueOf(q2))).isEqualTo("Mere om lighed i sundhed.");

            // the live view shows the progress without reloading
            desk.go(sessionUrl + "/live").waitForText("Følg grupperne");
            waitUntil(desk, d -> d.findElements(By.cssSelector("tr[data-group='Lighed'] td.answered")).size() == 2);
            assertThat(desk.all("tr[data-group='Fællesskab'] td.answered")).isEmpty();
            desk.checkPage("ws-05-live");
            anne.click("button[value=submit]").waitForText("Gruppens svar er afleveret");
            anne.checkPage("ws-phone-06-submitted");
            waitUntil(desk, d -> d.findElement(By.cssSelector("tr[data-group='Lighed'] .badge")).getText().equals("Afleveret"));

            // the secretariat closes early; a late phone is told and keeps its text
            desk.click("form[action$='/close'] button").waitForText("Luk sessionen nu?");
            desk.checkPage("ws-05b-close-confirm");
            desk.click("main form button[type=submit]").waitForText("Sessionen er lukket");
            assertThat(desk.find("tr[data-group='Fællesskab'] .badge").getText()).isEqualTo("Kladde");
            bo.find("textarea#q" + q2).sendKeys(" For sent.");
            waitUntil(bo, d -> statusOf(bo, q2).startsWith("Fristen er udløbet"));
            assertThat(bo.find("textarea#q" + q2).getAttribute("value")).contains("For sent.");
            bo.checkPage("ws-phone-07-closed");

            // consolidation, once the process has collected the sheets
            end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            do {
                desk.go(sessionUrl + "/consolidate");
                if (!desk.all("button[value=complete]").isEmpty()) {
                    break;
                }
                Thread.sleep(500);
            } while (System.nanoTime() < end);
            desk.checkPage("ws-06-consolidate");
            desk.type("#synthesis-" + q1, "Grupperne ønsker en mere konkret strategi.");
            desk.driver().executeScript("document.querySelector('details').open = true;");
            desk.click("input[value='SDG:SDG10']");
            desk.click("button[value=complete]").waitForText("Afslut og send opsamlingen?");
            desk.checkPage("ws-06b-complete-confirm");
            desk.click("main form button[type=submit]").waitForText("Hent som PDF");
            desk.checkPage("ws-07-summary");
            assertThat(desk.text()).contains("Grupperne ønsker en mere konkret strategi.", "Strategien er for abstrakt.");

            // downloads with the secretariat's own session
            String cookie = "JSESSIONID=" + desk.driver().manage().getCookieNamed("JSESSIONID").getValue();
            HttpClient http = HttpClient.newHttpClient();
            byte[] pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sessionUrl + "/summary.pdf"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(new Tika().detect(pdf)).isEqualTo("application/pdf");
            assertThat(new Tika().parseToString(new ByteArrayInputStream(pdf))).contains(title,
                    "Signalerer strategien netværket på den rigtige måde", "Strategien er for abstrakt.",
                    "Mere om lighed i sundhed.", "Grupperne ønsker en mere konkret strategi.", "Mindre ulighed");
            byte[] xlsx = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sessionUrl + "/answers.xlsx"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(book.getSheetAt(0).getLastRowNum()).as("8 questions x 2 groups").isEqualTo(16);
                assertThat(book.getSheetAt(0).getRow(1).getCell(4).getStringCellValue())
                        .isEqualTo("Strategien er for abstrakt.");
            }
        }
    }

    private String sheetValue(Long questionId) {
        return sheets.valueOf(questionId);
    }

    private static ChromiumNetworkConditions offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        return conditions;
    }
}
