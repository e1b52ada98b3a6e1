package org.healthycities.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Working form-js's editor on the designer page in a test browser: the palette and the properties panel. */
public final class FormEditor {

    private FormEditor() {
    }

    public static WebDriverWait waiting(Browser browser) {
        return browser.waiting(Duration.ofSeconds(30));
    }

    /**
     * Adds a field from the palette by the editor's keyboard path (Enter on an entry appends the field and selects
     * it). The key event alone: Chromium's click that follows a real Enter on a button makes form-js drop the
     * selection again.
     */
    public static void addFromPalette(Browser browser, String type) {
        WebElement entry = waiting(browser).until(d -> d.findElement(
                By.cssSelector(".fjs-palette-field[data-field-type='" + type + "']")));
        browser.driver().executeScript(
                "arguments[0].dispatchEvent(new KeyboardEvent('keydown', {code: 'Enter', bubbles: true}))", entry);
        waiting(browser).until(d -> !d.findElements(By.id("bio-properties-panel-label")).isEmpty());
    }

    /** Types into the selected field's property (form-js's properties panel: label, key, ...). */
    public static void property(Browser browser, String name, String value) {
        WebElement input = waiting(browser).until(d -> d.findElement(By.id("bio-properties-panel-" + name)));
        if (!input.isDisplayed()) { // its group of properties is closed: open it
            input.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' bio-properties-panel-group ')][1]"))
                    .findElement(By.cssSelector(".bio-properties-panel-group-header")).click();
            waiting(browser).until(d -> input.isDisplayed());
        }
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }
}
