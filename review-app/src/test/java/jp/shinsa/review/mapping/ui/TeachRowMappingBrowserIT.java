package jp.shinsa.review.mapping.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.mapping.RowMappingFixture;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The examiner teaches the reader, in a real browser: a 決算書 prints a row under a facility's own
 * wording the reader cannot map; the examiner maps it with a reason and what named the row (a
 * finding, or the row listed as unmapped) is gone; a second application of the same wording is read
 * right without help. Holds whether the reader reports such a row as a finding or only lists it.
 */
@ReviewAppIntegrationTest
@WithMockUser(username = "examiner", roles = Roles.EXAMINER)
class TeachRowMappingBrowserIT {
    private static final String WORDING = RowMappingFixture.WORDING;
    private static final By UNTAUGHT_ROW = By.cssSelector(
            "span.row-state[data-label='" + WORDING + "'][data-taught='false']");
    private static final By TAUGHT_ROW = By.cssSelector("span.row-state[data-label='" + WORDING
            + "'][data-taught='true'][data-account='" + RowMappingFixture.ACCOUNT + "']");
    @LocalServerPort
    int port;
    @Autowired
    ApplicationReviewService reviews;

    @Test
    void should_map_an_unmapped_row_and_read_the_next_application_of_that_wording_without_help() throws Exception {
        ApplicationSummary first = RowMappingFixture.reviewed(reviews, "教える-1", RowMappingFixture.packageWithFacilityWording(0));
        assertThat(first.status()).isEqualTo(ApplicationStatus.REVIEWED);
        try (Browser browser = new Browser(port)) {
            WebDriver d = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(120));
            browser.login("examiner", "shinsa-demo");
            browser.open("/applications/" + first.id());
            String findingsBefore = wait.until(x -> x.findElement(By.id("findings-grid"))).getText();
            clickTab(d, "行の対応付け");
            wait.until(x -> x.findElement(By.id("rows-grid")));
            boolean listed = !d.findElements(UNTAUGHT_ROW).isEmpty();
            assertThat(findingsBefore.contains(WORDING) || listed)
                    .as("a finding or a listed row names the row before it is mapped").isTrue();
            assertThat(d.findElements(TAUGHT_ROW)).isEmpty();
            browser.screenshot("teach-1-unmapped-row");

            d.findElement(By.cssSelector("span.row-label[data-label='" + WORDING + "']")).click();
            wait.until(x -> x.findElement(By.id("map-row")).getDomAttribute("disabled") == null);
            wait.until(x -> !x.findElements(By.id("viewer-mark")).isEmpty()); // the viewer marks the row
            d.findElement(By.id("map-row")).click();
            var account = wait.until(x -> x.findElement(By.id("row-mapping-account"))).findElement(By.tagName("input"));
            // the box holds the reader's guess when it placed the row (uncertain): replace it
            account.sendKeys(Keys.chord(Keys.CONTROL, "a"), RowMappingFixture.ACCOUNT);
            wait.until(x -> x.findElement(By.xpath("//vaadin-combo-box-item[contains(., '"
                    + RowMappingFixture.ACCOUNT + "')]"))).click();
            d.findElement(By.id("row-mapping-reason")).findElement(By.tagName("textarea"))
                    .sendKeys("施設独自の科目名。勘定科目内訳書でその他の流動資産と確認");
            browser.screenshot("teach-2-map-dialog");
            WebElement tabSheet = d.findElement(By.id("detail-tabs"));
            d.findElement(By.id("row-mapping-save")).click();
            wait.until(x -> x.findElements(By.id("row-mapping-save")).isEmpty());
            wait.until(x -> !x.findElements(TAUGHT_ROW).isEmpty());
            assertThat(d.findElements(UNTAUGHT_ROW)).isEmpty();
            assertThat(d.findElement(By.id("row-mappings-history")).getText()).contains(WORDING).contains("勘定科目内訳書");
            // The checks re-run as a job; the screen shows its result when it is stored.
            wait.until(x -> x.findElements(By.id("rereview-state")).isEmpty());
            // The screen took the change and the re-review's result in place: the same tab sheet (a rebuilt
            // one would leave this element stale, and a tab clicked meanwhile lost), still on the same tab.
            assertThat(tabSheet.isDisplayed()).isTrue();
            assertThat(d.findElement(By.cssSelector("#detail-tabs vaadin-tab[selected]")).getText()).contains("行の対応付け");
            clickTab(d, "指摘事項");
            wait.until(x -> !x.findElement(By.id("findings-grid")).getText().contains(WORDING));
            browser.screenshot("teach-3-mapped");

            ApplicationSummary second = RowMappingFixture.reviewed(reviews, "教える-2",
                    RowMappingFixture.packageWithFacilityWording(4));
            browser.open("/applications/" + second.id());
            assertThat(wait.until(x -> x.findElement(By.id("findings-grid"))).getText()).doesNotContain(WORDING);
            clickTab(d, "数値");
            wait.until(x -> x.findElement(By.cssSelector("span[data-file='" + RowMappingFixture.STATEMENTS
                    + "'][data-account='" + RowMappingFixture.ACCOUNT + "']")));
            clickTab(d, "行の対応付け");
            wait.until(x -> !x.findElements(TAUGHT_ROW).isEmpty());
            assertThat(d.findElements(UNTAUGHT_ROW)).as("read right without help").isEmpty();
            assertThat(d.findElement(By.id("row-mappings-history")).getText()).isEmpty();
            browser.screenshot("teach-4-second-application");
        }
    }

    private static void clickTab(WebDriver d, String label) {
        d.findElement(By.xpath("//vaadin-tab[contains(normalize-space(.), '" + label + "')]")).click();
    }
}
