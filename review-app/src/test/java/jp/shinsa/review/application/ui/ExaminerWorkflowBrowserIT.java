package jp.shinsa.review.application.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import jp.shinsa.review.support.UploadInput;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Upload → first pass → correction → decision, in a real browser, with screenshots of each step. */
@ReviewAppIntegrationTest
class ExaminerWorkflowBrowserIT {
    @LocalServerPort
    int port;

    @Test
    void should_take_an_examiner_from_upload_to_a_recorded_decision() throws Exception {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(5);
        assertThat(p.planted()).isEqualTo("INPUT_SHEET_MISMATCH");
        Path dir = Files.createTempDirectory("shinsa-upload-");
        List<String> paths = new ArrayList<>();
        for (UploadedFile f : p.files()) {
            Path file = dir.resolve(f.fileName());
            Files.write(file, f.content());
            paths.add(file.toAbsolutePath().toString());
        }
        try (Browser browser = new Browser(port)) {
            WebDriver d = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(120));
            browser.login("examiner", "shinsa-demo");
            wait.until(x -> x.findElement(By.id("new-application"))).click();
            wait.until(x -> x.findElement(By.id("upload-name"))).findElement(By.tagName("input")).sendKeys("ブラウザ試験申請");
            UploadInput.send(d, d.findElement(By.id("upload")), paths);
            browser.screenshot("workflow-1-upload");
            d.findElement(By.id("upload-submit")).click();
            // vaadin-button is a custom element: Selenium's isEnabled() does not see its disabled state.
            wait.until(x -> x.findElement(By.id("upload-status")).getText().contains("一次審査が完了"));
            assertThat(d.findElement(By.id("upload-open")).getDomAttribute("disabled")).isNull();
            d.findElement(By.id("upload-open")).click();

            wait.until(x -> x.findElement(By.id("findings-grid")).getText().contains("入力シート不一致"));
            browser.screenshot("workflow-2-findings");

            clickTab(d, "数値");
            By inputSheetCell = By.cssSelector("span.figure-differs[data-file='決算状況入力シート.xlsx'][data-account='current_assets'][data-year='2024']");
            wait.until(x -> x.findElement(inputSheetCell)).click();
            wait.until(x -> x.findElement(By.id("viewer-caption")).getText().contains("決算状況入力シート.xlsx"));
            assertThat(d.findElements(By.id("viewer-mark"))).isNotEmpty();
            String statementsValue = d.findElement(By.cssSelector(
                    "span[data-file='決算書_令和6年度.xlsx'][data-account='current_assets'][data-year='2024']")).getText();
            browser.screenshot("workflow-3-evidence");
            wait.until(x -> x.findElement(By.id("correct-figure")).getDomAttribute("disabled") == null);
            d.findElement(By.id("correct-figure")).click();
            WebElement value = wait.until(x -> x.findElement(By.id("correction-value"))).findElement(By.tagName("input"));
            value.sendKeys(Keys.chord(Keys.CONTROL, "a"), statementsValue.replace(",", ""));
            d.findElement(By.id("correction-reason")).findElement(By.tagName("textarea")).sendKeys("決算書と照合し転記誤りを訂正");
            browser.screenshot("workflow-4-correction");
            d.findElement(By.id("correction-save")).click();
            wait.until(x -> x.findElements(By.id("correction-save")).isEmpty());
            // The screen stays on the figures, now showing the correction beside the original.
            wait.until(x -> x.findElement(By.id("corrections")).getText().contains("決算書と照合し転記誤りを訂正"));
            // The checks re-run as a job; the screen shows its result when it is stored.
            wait.until(x -> x.findElements(By.id("rereview-state")).isEmpty());
            clickTab(d, "指摘事項");
            wait.until(x -> !x.findElement(By.id("findings-grid")).getText().contains("入力シート不一致"));

            clickTab(d, "決定");
            WebElement select = wait.until(x -> x.findElement(By.id("decision-outcome")));
            select.click();
            wait.until(x -> x.findElement(By.xpath("//vaadin-select-item[normalize-space(.)='承認']"))).click();
            d.findElement(By.id("decision-comment")).findElement(By.tagName("textarea")).sendKeys("書類の訂正を確認した");
            d.findElement(By.id("decide")).click();
            wait.until(x -> x.findElement(By.id("application-status")).getText().contains("決定済"));
            assertThat(d.findElement(By.id("decision-history")).getText()).contains("examiner").contains("承認");
            browser.screenshot("workflow-5-decided");
        }
    }

    private static void clickTab(WebDriver d, String label) {
        d.findElement(By.xpath("//vaadin-tab[contains(normalize-space(.), '" + label + "')]")).click();
    }
}
