package jp.shinsa.review.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with the flags this closed network needs. On CI
 * (CI=true) a missing browser fails the test; on a developer machine it skips it with the reason.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser(int port) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        profile = Files.createTempDirectory("shinsa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,900", "--lang=ja", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        baseUrl = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebDriverWait waitUpTo(Duration d) {
        return new WebDriverWait(driver, d);
    }

    /** Logs in through the real form (the login view's vaadin-login-form). */
    public void login(String username, String password) {
        open("/login");
        WebDriverWait wait = waitUpTo(Duration.ofSeconds(60));
        WebElement user = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name=username]")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() {
        driver.quit();
        try (var s = Files.walk(profile)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
