package org.healthycities.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, never a downloaded browser) for the
 * journeys that matter. Every page checked is run through axe-core; screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static String axeSource;

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A new browser with its own profile (cookies), sized like a laptop or, with phone=true, a 360 px phone. */
    public static Browser open(int port, boolean phone) {
        ChromeOptions options = new ChromeOptions();
        Path chromium = Path.of(System.getProperty("hc.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("hc.chromedriver", "/usr/bin/chromedriver"));
        if (Files.isExecutable(chromium)) {
            options.setBinary(chromium.toFile());
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=da", "--accept-lang=da", "--window-size=" + (phone ? "360,800" : "1280,1000"));
        // Debian's chromium-driver where it is installed (CI); elsewhere Selenium Manager finds or fetches a
        // driver (and a browser) for the machine, so a developer with internet needs no apt step
        ChromeDriverService.Builder builder = new ChromeDriverService.Builder().usingAnyFreePort();
        if (Files.isExecutable(chromedriver)) {
            builder.usingDriverExecutable(chromedriver.toFile());
        }
        ChromeDriverService service = builder.build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        if (phone) {
            driver.manage().window().setSize(new Dimension(360, 800));
        }
        return new Browser(driver, "http://localhost:" + port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait that looks again when a page (Tasklist's Angular app, the form editor) redraws an element under it. */
    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Clicks the element once nothing lies over it, scrolled to the middle of the window first: Camunda Tasklist's
     * panels still move while it draws a form, and a click at that moment lands on a neighbour.
     */
    public Browser clickWhenFree(By by) {
        waiting(Duration.ofSeconds(30))
                .ignoring(ElementClickInterceptedException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                    element.click();
                    return true;
                });
        return this;
    }

    /** The page's text; retried while a navigation replaces the document under the driver. */
    public String text() {
        org.openqa.selenium.WebDriverException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.WebDriverException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    public Browser waitForText(String text) {
        try {
            waiting(Duration.ofSeconds(30)).until(d -> text().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page showed instead, and keep a picture of it
            screenshot("timeout-" + System.currentTimeMillis());
            String shown = text();
            throw new AssertionError("waited 30 s for \"" + text + "\" on " + driver.getCurrentUrl() + "; the page shows:\n"
                    + shown.substring(0, Math.min(shown.length(), 2000)), e);
        }
        return this;
    }

    public Browser login(String username, String password) {
        go("/login");
        type("#username", username);
        type("#password", password);
        click("main form button[type=submit]");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /**
     * Logs in to Camunda Tasklist with its own login form (at /camunda/app/tasklist/). The Angular app may redraw
     * the form while loading, so this types again until it is past it.
     */
    public Browser tasklistLogin(String username, String password) {
        go("/camunda/app/tasklist/");
        for (int attempt = 1; ; attempt++) {
            waiting(Duration.ofSeconds(90)).until(d -> d.findElements(
                    By.cssSelector("form[name=signinForm] input[type=password]")).stream().anyMatch(WebElement::isDisplayed));
            pause(2000L * attempt); // let the Angular app finish drawing the form before typing into it
            type("form[name=signinForm] input[type=text]", username)
                    .type("form[name=signinForm] input[type=password]", password)
                    .click("form[name=signinForm] button[type=submit]");
            try {
                waiting(Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.cssSelector(".task-filters .task-filter")).isEmpty());
                return this;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Saves a screenshot and fails on any serious or critical accessibility violation of the page, and on any
     * key, machine date, id or untranslated process name in its text ({@link PageWords}), in the page's language.
     */
    @SuppressWarnings("unchecked")
    public Browser checkPage(String name) {
        screenshot(name);
        JavascriptExecutor js = driver;
        String language = String.valueOf(js.executeScript("return document.documentElement.lang || ''"));
        assertThat(PageWords.problems(text(), language)).as("words on " + name + " (" + language + ")").isEmpty();
        js.executeScript(axe());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                          + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        assertThat((List<String>) result).as("accessibility violations on " + name).isEmpty();
        return this;
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the page scrolls sideways: a page that works at 360 px does not. */
    public boolean overflowsHorizontally() {
        Object r = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(r);
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("axe-core is not on the test classpath", e);
            }
        }
        return axeSource;
    }


    @Override
    public void close() {
        driver.quit();
    }
}
