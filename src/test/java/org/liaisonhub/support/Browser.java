package org.liaisonhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (both from apt: {@code chromium},
 * {@code chromium-driver}; .ci/run installs them). Where they are missing the browser tests are skipped, saying so;
 * the rest of the suite runs as usual. Nothing is downloaded: the browser and the driver are named explicitly.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where a failing browser test leaves its screenshot and page source. */
    private static final Path EVIDENCE = Path.of("target", "browser-tests");

    private Browser() {
    }

    /** Skips the calling test, with the reason, when Chromium or its driver is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: Debian's chromium and chromium-driver are not installed"
                        + " (apt-get install -y chromium chromium-driver)");
    }

    /** A fresh headless browser with an empty profile, at a desktop width. */
    public static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in CI has no sandbox; the machine has no network beyond loopback, so Chromium's own calls home
        // (updates, sync, safe browsing) are switched off rather than refused one by one
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** What the page's console reported as refused by the Content-Security-Policy since last asked. */
    public static List<String> policyViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Saves what the browser shows and its page source under target/browser-tests, named after the test. */
    public static void keepEvidence(WebDriver browser, String test) {
        try {
            Files.createDirectories(EVIDENCE);
            Files.write(EVIDENCE.resolve(test + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(EVIDENCE.resolve(test + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves what the browser shows (test patients only) as target/browser-tests/{@code name}.png; with
     * {@code -Ddocs.screenshots=true} also as docs/{@code name}.png, the picture the README shows.
     */
    public static void screenshot(WebDriver browser, String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(EVIDENCE);
            Files.write(EVIDENCE.resolve(name + ".png"), png);
            if (Boolean.getBoolean("docs.screenshots")) {
                Files.write(Path.of("docs", name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String profile() {
        try {
            return Files.createTempDirectory("liaison-hub-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
