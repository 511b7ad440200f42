package dev.workbench.web;

import dev.workbench.testing.Required;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its chromedriver, both named explicitly so Selenium Manager never
 * tries to download a driver (it cannot here). Saves screenshots under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    Browser(String baseUrl) {
        for (String file : List.of(CHROMIUM, CHROMEDRIVER)) {
            Required.that(
                    Files.isExecutable(Path.of(file)),
                    file,
                    "the browser tests need Debian's chromium and "
                            + "chromium-driver (apt-get install chromium chromium-driver; ./test installs them)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--window-size=1440,1000");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        this.driver = new ChromeDriver(service, options);
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Opens a page and waits until its script has rendered it ({@code body[data-loaded]}). */
    void open(String path) {
        driver.get(base + path);
        awaitLoaded();
    }

    void awaitLoaded() {
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    /** Console messages logged since the last call (Content-Security-Policy violations among them). */
    List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    WebDriver driver() {
        return driver;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** How many series of the ECharts chart in element {@code id} have an id starting with {@code prefix}. */
    long series(String id, String prefix) {
        return (Long) js(
                "const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
                        + "return c ? c.getOption().series.filter(s => String(s.id).startsWith(arguments[1])).length : -1;",
                id,
                prefix);
    }

    /** Data points of the first series of the chart in element {@code id} whose id starts with {@code prefix}. */
    long points(String id, String prefix) {
        return (Long) js(
                "const s = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series"
                        + ".find(s => String(s.id).startsWith(arguments[1])); return s ? s.data.length : -1;",
                id,
                prefix);
    }

    /** The text of the first element matching {@code css}, read in one step (the page may re-render it). */
    String text(String css) {
        return (String) js("return document.querySelector(arguments[0]).innerText;", css);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Sizes the window to the page's full height (capped), then saves a PNG named {@code name}. */
    Path screenshot(String name) {
        long height = (Long) js("return Math.min(5000, document.documentElement.scrollHeight);");
        long chrome = (Long) js("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new Dimension(1440, (int) (Math.max(height, 800) + chrome + 40)));
        js("window.dispatchEvent(new Event('resize'));");
        try {
            Thread.sleep(300);
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1440, 1000));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
