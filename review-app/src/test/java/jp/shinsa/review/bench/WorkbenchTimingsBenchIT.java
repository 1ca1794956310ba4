package jp.shinsa.review.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import jp.shinsa.models.Catalogs;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Applications;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Benchmark, not a test: run with {@code -Dshinsa.bench=true} (scripts/bench-workbench.sh). Prints
 * the time to open an application with 500 figures, a page of the queue holding 10,000
 * applications, and upload-to-reviewed for one demo application. Timings are never asserted.
 */
@ReviewAppIntegrationTest
@WithMockUser(username = "examiner", roles = Roles.EXAMINER)
class WorkbenchTimingsBenchIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationReviewService applications;

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("shinsa.bench"), "benchmark: run with -Dshinsa.bench=true");
        // Upload to reviewed: one demo application through the real pipeline (models ready first).
        Applications.reviewed(applications, 0, "warm-up");
        long u0 = System.nanoTime();
        ApplicationSummary one = Applications.reviewed(applications, 1, "bench-upload");
        double uploadToReviewed = (System.nanoTime() - u0) / 1e9;

        // 10,000 applications in the queue.
        long existing = jdbc.sql("SELECT count(*) FROM application").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application (name, program, applicant, requested_amount, status, error_count, warning_count,
                                         risk_score, risk_band, min_fit, flagged, created_by)
                SELECT 'BENCH-' || g, (ARRAY['emergency','perinatal','infection','remote','cyber'])[1 + g % 5],
                       '医療法人社団ベンチ会 ' || g, 1000000 + g * 1000, 'REVIEWED', g % 3, g % 2, (g % 100)::float,
                       (ARRAY['LOW','MEDIUM','HIGH'])[1 + g % 3], (g % 100)::float, g % 4 = 0, 'bench'
                FROM generate_series(1, ?) g""").param(Math.max(0, 10_000 - existing)).update();

        // An application whose review holds 500 figures.
        ObjectNode review = (ObjectNode) JSON.readTree(applications.reviewJson(one.id()).orElseThrow());
        ArrayNode figures = review.putArray("figures");
        List<String> accounts = List.copyOf(Catalogs.accounts().keySet());
        String[] files = {"決算書_令和6年度.xlsx", "決算状況入力シート.xlsx", "BS実績比較.xlsx"};
        String[] types = {"FINANCIAL_STATEMENTS", "INPUT_SHEET", "BS_COMPARISON"};
        for (int i = 0; i < 500; i++) {
            ObjectNode f = figures.addObject();
            int d = i % 3;
            f.put("file", files[d]).put("documentType", types[d]).put("account", accounts.get(i / 3 % accounts.size()))
                    .put("fiscalYear", 2020 + (i / (3 * accounts.size())) % 5).put("value", 1_000_000L + i)
                    .put("label", "科目" + i).put("confidence", 0.99).put("sheet", "S").put("cell", "B" + (i + 1));
        }
        jdbc.sql("UPDATE application SET review_json = CAST(? AS jsonb) WHERE id = ?").params(review.toString(), one.id()).update();

        try (Browser browser = new Browser(port)) {
            browser.login("examiner", "shinsa-demo");
            var wait = browser.waitUpTo(Duration.ofSeconds(120));
            wait.until(x -> x.findElement(By.id("queue-total")));
            long q0 = System.nanoTime();
            browser.open("/queue");
            wait.until(x -> x.findElement(By.id("queue-total")).getText().contains("10,"));
            wait.until(x -> x.findElement(By.id("queue-grid")).getText().contains("BENCH-"));
            double queuePage = (System.nanoTime() - q0) / 1e9;
            long s0 = System.nanoTime();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('queue-grid').scrollToIndex(9000)");
            wait.until(x -> x.findElement(By.id("queue-grid")).getText().matches("(?s).*BENCH-\\d{3,4}.*"));
            double scroll = (System.nanoTime() - s0) / 1e9;
            long a0 = System.nanoTime();
            browser.open("/applications/" + one.id());
            wait.until(x -> x.findElement(By.id("findings-grid")));
            browser.driver().findElement(By.xpath("//vaadin-tab[contains(normalize-space(.), '数値')]")).click();
            wait.until(x -> x.findElements(By.cssSelector("#figure-matrix span[data-account]")).size() > 20);
            double openApplication = (System.nanoTime() - a0) / 1e9;
            browser.screenshot("bench-500-figures");
            System.out.printf(Locale.ROOT, "BENCH {\"upload_to_reviewed_s\": %.2f, \"queue_page_10000_s\": %.2f, "
                    + "\"queue_scroll_to_9000_s\": %.2f, \"open_application_500_figures_s\": %.2f}%n",
                    uploadToReviewed, queuePage, scroll, openApplication);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM application").query(Long.class).single()).isGreaterThanOrEqualTo(10_000);
    }
}
