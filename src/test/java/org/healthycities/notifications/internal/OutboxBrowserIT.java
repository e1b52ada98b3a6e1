package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.notifications.MailStatus;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OutboxBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TestOutbox outbox;

    @Test
    void onAPhoneTheAdminReadsAKeptMailWithoutRunningWhatItContains() {
        String admin = TestUsers.create(identity, "adm", CurrentUser.ADMIN);
        OutboxMail mail = outbox.row(TestOutbox.sample().with("message", "<img src=x onerror=\"document.title='pwned'\">"),
                MailStatus.KEPT, TestClock.now(), m -> { });

        try (Browser phone = Browser.open(port, true)) {
            phone.login(admin, TestUsers.PASSWORD);
            for (String language : new String[] {"en", "sv", "nb", "da"}) {
                phone.go("/admin/outbox?status=KEPT&lang=" + language).find("table");
                phone.checkPage("notifications-outbox-" + language);
                assertThat(phone.overflowsHorizontally()).as("360 px, " + language).isFalse();
            }
            phone.waitForText("Udbakke").click("a[href='/admin/outbox/" + mail.getId() + "']");
            phone.waitForText("Mailen, som modtageren ser den").checkPage("notifications-outbox-mail");
            assertThat(phone.overflowsHorizontally()).isFalse();

            WebElement frame = phone.find("iframe.mail-preview");
            phone.driver().switchTo().frame(frame);
            String shown = phone.driver().findElement(By.tagName("body")).getText();
            assertThat(shown).contains("Kære " + mail.getRecipientName(), "<img src=x onerror=");
            assertThat(phone.driver().findElements(By.tagName("img"))).isEmpty();
            phone.driver().switchTo().defaultContent();
            assertThat(phone.driver().getTitle()).isEqualTo(mail.getSubject());
        }
    }
}
