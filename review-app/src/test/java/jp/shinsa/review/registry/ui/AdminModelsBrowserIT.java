package jp.shinsa.review.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import jp.shinsa.review.support.UploadInput;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admin: import → train → compare → promote → roll back, in a real browser, with screenshots. */
@ReviewAppIntegrationTest
class AdminModelsBrowserIT {
    @LocalServerPort
    int port;

    @Test
    void should_import_train_compare_promote_and_roll_back() throws Exception {
        Path dir = Files.createTempDirectory("shinsa-import-");
        List<String> lines = new String(PipelineFactory.demoPastGrants(), StandardCharsets.UTF_8).lines().toList();
        Path bad = dir.resolve("bad-grants.csv");
        Files.writeString(bad, lines.get(0) + "\n" + lines.get(1).replaceFirst(",\\d{4},", ",year,") + "\n" + lines.get(2) + "\n");
        Path good = dir.resolve("past-grants-sample.csv");
        Files.write(good, lines.subList(0, 301));

        try (Browser browser = new Browser(port)) {
            WebDriver d = browser.driver();
            var wait = browser.waitUpTo(Duration.ofMinutes(4));
            browser.login("admin", "shinsa-demo");
            browser.open("/admin/models");
            UploadInput.send(d, wait.until(x -> x.findElement(By.id("import-grants"))), List.of(bad.toString()));
            wait.until(x -> x.findElement(By.id("models-status")).getText().contains("取り込みませんでした"));
            assertThat(d.findElement(By.id("import-errors")).getText()).contains("line 2");
            browser.screenshot("admin-1-import-refused");

            browser.open("/admin/models");
            UploadInput.send(d, wait.until(x -> x.findElement(By.id("import-grants"))), List.of(good.toString()));
            wait.until(x -> x.findElement(By.id("models-status")).getText().contains("300 行を取り込みました"));
            wait.until(x -> x.findElement(By.id("imports-grid")).getText().contains("past-grants-sample.csv"));

            // Purpose fit: a candidate trained on the imported grants (less the held-out ones).
            d.findElement(By.id("model-kind")).click();
            wait.until(x -> x.findElement(By.xpath("//vaadin-select-item[normalize-space(.)='目的適合度']"))).click();
            wait.until(x -> x.findElement(By.id("models-grid")).getText().contains("fit-")
                    && x.findElement(By.id("models-grid")).getText().contains("稼働中")
                    && x.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
            String activeBefore = d.findElement(By.id("models-status")).getAttribute("data-active");
            // The select's overlay may still be closing on a slow machine: click until training starts.
            browser.waitUpTo(Duration.ofSeconds(30)).until(x -> {
                x.findElement(By.id("train-candidate")).click();
                try {
                    return browser.waitUpTo(Duration.ofSeconds(3)).until(y -> {
                        String t = y.findElement(By.id("models-status")).getText();
                        return t.contains("学習しています") || t.contains("登録しました");
                    });
                } catch (org.openqa.selenium.TimeoutException notYet) {
                    return false;
                }
            });
            try {
                wait.until(x -> x.findElement(By.id("models-status")).getText().contains("登録しました"));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("admin-2-candidate-failed");
                throw new AssertionError("training did not finish; status: " + d.findElement(By.id("models-status")).getText(), e);
            }
            browser.screenshot("admin-2-candidate");

            d.findElement(By.id("compare-model")).click();
            wait.until(x -> x.findElement(By.id("comparison-grid")).getText().contains("候補"));
            assertThat(d.findElement(By.id("model-comparison")).getText()).contains("保留データのAUC");
            browser.screenshot("admin-3-compare");

            d.findElement(By.id("model-reason")).findElement(By.tagName("input")).sendKeys("保留データで同等以上");
            d.findElement(By.id("promote-model")).click();
            wait.until(x -> !activeBefore.equals(x.findElement(By.id("models-status")).getAttribute("data-active")));
            browser.screenshot("admin-4-promoted");

            d.findElement(By.id("model-reason")).findElement(By.tagName("input")).sendKeys("審査員から誤判定の報告");
            d.findElement(By.id("roll-back-model")).click();
            wait.until(x -> activeBefore.equals(x.findElement(By.id("models-status")).getAttribute("data-active")));
            assertThat(d.findElement(By.id("models-grid")).getText()).contains("退役");
            browser.screenshot("admin-5-rolled-back");
        }
    }
}
