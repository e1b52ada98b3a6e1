package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.FormEditor.addFromPalette;
import static org.healthycities.support.FormEditor.property;
import static org.healthycities.support.FormEditor.waiting;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The designer in Chromium: form-js's editor loads the draft, fields come from the palette (by keyboard, as the
 * editor offers it), the server refuses a duplicate key by the field's name and keeps the saved draft, the draft
 * is published, and the preview shows it on our pages and in form-js's viewer at 360 px.
 */
@IntegrationTest
class FormDesignerBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSecretariatDesignsAFormPublishesItAndPreviewsItOnAPhone() {
        String secretary = TestUsers.create(identity, "fdb", CurrentUser.SECRETARIAT, "sund-by");
        try (Browser laptop = Browser.open(port, false)) {
            laptop.login(secretary, TestUsers.PASSWORD);
            laptop.go("/forms/designer").waitForText("Ny formular");
            laptop.checkPage("fd-01-list");
            laptop.type("#new-title", "Trivselsmåling i browseren").click("form[action$='/forms/designer'] button[type=submit]");
            laptop.waitForText("Gem kladden");
            long id = jdbc.queryForObject("SELECT id FROM designed_form WHERE title = 'Trivselsmåling i browseren'", Long.class);

            // two text fields from the palette (form-js itself refuses a key twice); the second without a label
            // is refused by the server, by its key, and the saved draft stays
            addFromPalette(laptop, "textfield");
            property(laptop, "label", "Kommunens navn");
            property(laptop, "key", "kommune");
            laptop.click("#save-draft").waitForText("Kladden er gemt.");
            addFromPalette(laptop, "textfield");
            property(laptop, "key", "kontakt");
            property(laptop, "label", Keys.BACK_SPACE.toString());
            assertThat(laptop.find(".fjs-palette-field[data-field-type='dynamiclist']").isDisplayed()).isFalse();
            laptop.click("#save-draft").waitForText("Feltet «kontakt» mangler en tekst (label).");
            assertThat(jdbc.queryForObject("SELECT draft_json FROM designed_form WHERE id = ?", String.class, id))
                    .doesNotContain("kontakt");
            // (the form being designed has a field without a label just now: axe would rightly say so)
            laptop.screenshot("fd-02-designer-refused");

            property(laptop, "label", "Kontaktperson");
            laptop.click("#save-draft").waitForText("Kladden er gemt.");
            laptop.checkPage("fd-03-designer");
            assertThat(jdbc.queryForObject("SELECT draft_json FROM designed_form WHERE id = ?", String.class, id))
                    .contains("\"key\" : \"kontakt\"").contains("Kommunens navn");

            // a change not yet saved is saved by "publish" before it publishes
            addFromPalette(laptop, "checkbox");
            property(laptop, "label", "Vi deltager");
            laptop.click("#publish-form button[type=submit]").waitForText("Version 1 er udgivet.");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designed_form_version WHERE designed_form_id = ?",
                    Integer.class, id)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT draft_json FROM designed_form WHERE id = ?", String.class, id))
                    .contains("Vi deltager");
        }
        long id = jdbc.queryForObject("SELECT id FROM designed_form WHERE title = 'Trivselsmåling i browseren'", Long.class);
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            phone.go("/forms/designer/" + id + "/preview").waitForText("På vores sider");
            waiting(phone).until(d -> !d.findElements(By.cssSelector("#tasklist-preview .fjs-form")).isEmpty());
            assertThat(phone.find("#tasklist-preview").getText()).contains("Kommunens navn").contains("Vi deltager");
            assertThat(phone.find("form.phone-frame").getText()).contains("Kommunens navn").contains("Kontaktperson");
            phone.checkPage("fd-04-preview-phone");
            assertThat(phone.overflowsHorizontally()).as("the preview scrolls sideways at 360 px").isFalse();
            phone.go("/forms/designer/" + id + "/texts?language=sv").waitForText("Gem oversættelserne");
            phone.type("#t-0", "Kommunens namn").click("form.translation-form button[type=submit]")
                    .waitForText("Oversættelserne er gemt i kladden.");
            phone.checkPage("fd-05-texts-phone");
            phone.go("/forms/designer/" + id + "/preview?language=sv").waitForText("Kommunens namn");
        }
    }
}
