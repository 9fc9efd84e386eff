package org.liaisonhub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A test's own headless Chromium ({@link Browser}) on the console of the hub under test, used as a person uses it:
 * through the sign-in page, by clicking and typing. Register it with {@code @RegisterExtension}; each test gets a
 * fresh browser, and a failing test leaves its screenshot and page source under target/browser-tests.
 */
public final class ConsoleBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final IntSupplier port;
    private WebDriver browser;

    /** @param port the hub's HTTP port, read once the test instance has it */
    public ConsoleBrowser(IntSupplier port) {
        this.port = port;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser.assumeInstalled();
        browser = Browser.open();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && browser != null) {
            Browser.keepEvidence(browser, context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        } else if (browser != null) {
            // every page a test went through worked under the console's Content-Security-Policy
            assertThat(Browser.policyViolations(browser)).as("Content-Security-Policy violations").isEmpty();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
    }

    public WebDriver driver() {
        return browser;
    }

    public String url(String path) {
        return "http://localhost:" + port.getAsInt() + path;
    }

    public void open(String path) {
        browser.get(url(path));
    }

    /** Opens the console, is sent to the sign-in page, and signs in with the credential as a person types it. */
    public void signIn(String credential) {
        open("/");
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("credential")).sendKeys(credential);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(PATIENCE).until(() -> !browser.getCurrentUrl().endsWith("/login"));
    }

    public void signOut() {
        browser.findElement(By.cssSelector("form.who button")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("/login"));
    }

    /** The element once the page shows it. */
    public WebElement waitFor(By what) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !browser.findElements(what).isEmpty());
        return browser.findElement(what);
    }

    public List<String> texts(By what) {
        return browser.findElements(what).stream().map(WebElement::getText).toList();
    }

    public Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    public Object asyncScript(String script) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script);
    }
}
