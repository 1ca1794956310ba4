package jp.shinsa.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An examiner logs in, sees the demo queue, and is refused the admin view. */
@ReviewAppIntegrationTest
class ExaminerLoginBrowserIT {
    @LocalServerPort
    int port;

    @Test
    void should_show_the_queue_to_an_examiner_and_refuse_the_admin_view() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.login("examiner", InitialUsers.DEFAULT_DEMO_PASSWORD);
            var wait = browser.waitUpTo(Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.id("queue-grid")));
            // The demo applications are in the queue (their names come from the demo generator).
            wait.until(d -> d.findElement(By.id("queue-grid")).getText().contains("DEMO-0001"));
            assertThat(browser.driver().findElement(By.id("current-user")).getText()).isEqualTo("examiner");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("審査キュー");
            browser.screenshot("examiner-queue");

            browser.open("/admin/users");
            wait.until(d -> d.findElement(By.tagName("body")).getText().length() > 0);
            Thread.sleep(1000);
            assertThat(browser.driver().findElements(By.id("users-grid"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("add-user"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("not-available")).getText()).contains("表示できません");
            browser.screenshot("examiner-refused-admin");
        }
    }

    @Test
    void should_keep_a_wrong_password_out() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            var wait = browser.waitUpTo(Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name=username]"))).sendKeys("examiner");
            browser.driver().findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys("wrong-password");
            browser.driver().findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
            wait.until(d -> d.getCurrentUrl().contains("error"));
            browser.open("/queue");
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            assertThat(browser.driver().findElements(By.id("queue-grid"))).isEmpty();
        }
    }
}
