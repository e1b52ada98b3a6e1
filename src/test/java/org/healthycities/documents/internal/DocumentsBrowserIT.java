package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.documents.DocumentService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The secretariat searches the documents' text in a real browser, on a laptop and on a 360 px phone. */
@IntegrationTest
class DocumentsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    DocumentService documents;

    @Test
    void theSecretariatSearchesTheDocumentsText() throws Exception {
        String token = "sag" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        documents.store("sund-by", "application", token, "Tårnby tiltrædelse.pdf",
                new ByteArrayInputStream(Corpus.pdf(Corpus.DANISH + " Sagsnummer " + token + ".")));
        String secretary = TestUsers.create(identity, "dok-browser", CurrentUser.SECRETARIAT, "sund-by");
        for (boolean phone : new boolean[] {false, true}) {
            try (Browser browser = Browser.open(port, phone)) {
                browser.login(secretary, TestUsers.PASSWORD).go("/documents").checkPage(name(phone, "01-documents"));
                browser.type("#q", "tiltrædelsesdokument " + token).click("form.filters button[type=submit]")
                        .waitForText("Tårnby tiltrædelse.pdf").checkPage(name(phone, "02-documents-found"));
                assertThat(browser.text()).contains("Tårnby Kommune tiltrædelsesdokument", "1 dokument");
                assertThat(browser.overflowsHorizontally()).as("the page scrolls sideways").isFalse();
                browser.type("#q", "xy").click("form.filters button[type=submit]")
                        .waitForText("Søg på ord med mindst 3 bogstaver.").checkPage(name(phone, "03-documents-too-short"));
            }
        }
    }

    private static String name(boolean phone, String page) {
        return (phone ? "phone-" : "") + page;
    }
}
