package tmsp.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, on a throw-away profile, against the
 * portal on {@code http://localhost:<port>}. Never downloads anything: Selenium Manager is bypassed by
 * naming both executables. Every lookup waits for its condition instead of sleeping.
 */
public final class Browser implements AutoCloseable {

    public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(int port) {
        requireExecutable(CHROMEDRIVER);
        requireExecutable(CHROMIUM);
        this.baseUrl = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("tmsp-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US",
                // Bootstrap scrolls smoothly unless motion is reduced: a click would land mid-scroll
                "--force-prefers-reduced-motion");
        // English pages whatever the machine's locale, so tests can assert the texts
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        // the default 500 ms poll would add half a second to nearly every page load
        this.wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50));
    }

    /** A new browser with an empty profile: no cookies, no session. Close it when done. */
    public static Browser open(int port) {
        return new Browser(port);
    }

    private static void requireExecutable(File file) {
        if (!file.canExecute()) {
            throw new IllegalStateException("The browser journeys need " + file + ". Install Debian's browser and "
                    + "driver: apt-get install -y chromium chromium-driver");
        }
    }

    /** Drops the session and language cookies, as if the browser had just been started. */
    public void forgetSession() {
        get("/login");
        driver.manage().deleteAllCookies();
    }

    /** The value of one of the browser's cookies for the portal (e.g. JSESSIONID, to fetch a download as this session). */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The {@code href} of the element, as the browser resolved it. */
    public String href(By by) {
        return waitFor(by).getAttribute("href");
    }

    public void get(String path) {
        driver.get(baseUrl + path);
    }

    /** The path and query of the current page, without scheme, host and port. */
    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public void waitForPath(String regex) {
        wait.withMessage(() -> "expected a page matching " + regex + " but was at " + path())
                .until(d -> path().matches(regex));
    }

    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement waitForId(String id) {
        return waitFor(By.id(id));
    }

    public boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    public void clickAndLoad(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
    }

    /** Replaces the value of the form field with this name. */
    public void type(String name, String value) {
        WebElement field = waitFor(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Sets a value through the DOM. For date inputs: typing into them depends on the browser's locale
     * (day and month order), the value property is always ISO yyyy-MM-dd.
     */
    public void setValue(String name, String value) {
        WebElement field = waitFor(By.name(name));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    }

    public String value(String name) {
        return waitFor(By.name(name)).getDomProperty("value");
    }

    public String text(By by) {
        return waitFor(by).getText().trim();
    }

    /** Sends keys to the element that has the focus, as typing would (e.g. into a CodeMirror editor). */
    public void keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Runs a script in the page and answers its result: for state no element shows, such as an editor's cursor. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public void logIn(String username, String password) {
        get("/login");
        type("username", username);
        type("password", password);
        clickAndLoad(By.cssSelector("form[action$='/login'] button[type=submit]"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temp profile is harmless; the browser may still hold a lock file
        }
    }
}
