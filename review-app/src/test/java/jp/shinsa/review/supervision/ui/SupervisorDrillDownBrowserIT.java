package jp.shinsa.review.supervision.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.DecisionOutcome;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Applications;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import jp.shinsa.review.support.Callers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.beans.factory.ObjectProvider;

/** A supervisor drills from override rates down to a decision's rationale as it was shown. */
@ReviewAppIntegrationTest
class SupervisorDrillDownBrowserIT {
    @LocalServerPort
    int port;
    /** The holder this context's method security reads (the static one is the last context's in this JVM). */
    @Autowired
    ObjectProvider<SecurityContextHolderStrategy> holder;

    @Autowired
    ApplicationReviewService applications;

    @Test
    void should_drill_from_override_rates_to_the_rationale_of_a_decision() throws Exception {
        Callers.as(holder, "examiner2", Roles.EXAMINER, () -> {
            ApplicationSummary a = Applications.reviewed(applications, 2, "監督試験A");
            String suggestion = applications.aiSuggestion(a.id()).orElseThrow();
            DecisionOutcome departing = "REJECT".equals(suggestion) ? DecisionOutcome.APPROVE : DecisionOutcome.REJECT;
            return applications.decide("examiner2", a.id(), a.version(), departing, "現地調査で設備の老朽化を確認");
        });
        try (Browser browser = new Browser(port)) {
            WebDriver d = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(90));
            browser.login("supervisor", "shinsa-demo");
            browser.open("/supervisor/overrides");
            wait.until(x -> x.findElement(By.id("override-dimension"))).click();
            wait.until(x -> x.findElement(By.xpath("//vaadin-select-item[normalize-space(.)='審査員別']"))).click();
            wait.until(x -> x.findElement(By.id("override-rates")).getText().contains("examiner2"));
            assertThat(d.findElement(By.id("override-chart")).getAttribute("innerHTML")).contains("<svg");
            browser.screenshot("supervisor-1-rates");
            d.findElement(By.xpath("//vaadin-grid[@id='override-rates']//vaadin-grid-cell-content[normalize-space(.)='examiner2']")).click();
            wait.until(x -> x.findElement(By.id("override-cases")).getText().contains("監督試験A"));
            browser.screenshot("supervisor-2-cases");
            d.findElement(By.xpath("//vaadin-grid[@id='override-cases']//vaadin-grid-cell-content[normalize-space(.)='監督試験A']")).click();
            wait.until(x -> x.findElement(By.id("rationale-title")).getText().contains("監督試験A"));
            assertThat(d.findElement(By.id("rationale-facts")).getText()).contains("examiner2").contains("現地調査");
            assertThat(d.findElement(By.id("rationale-models")).getText()).contains("risk");
            browser.screenshot("supervisor-3-rationale");

            browser.open("/supervisor/audit");
            wait.until(x -> x.findElement(By.id("audit-actor"))).findElement(By.tagName("input")).sendKeys("examiner2");
            d.findElement(By.id("audit-search")).click();
            wait.until(x -> x.findElement(By.id("audit-grid")).getText().contains("DECIDED"));
            assertThat(d.findElement(By.id("audit-export")).getAttribute("href")).isNotBlank();
            browser.screenshot("supervisor-4-audit");
            // Read-only: the supervisor cannot open the admin views.
            browser.open("/admin/models");
            wait.until(x -> x.findElement(By.id("not-available")));
        }
    }
}
