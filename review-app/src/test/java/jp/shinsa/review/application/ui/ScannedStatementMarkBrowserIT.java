package jp.shinsa.review.application.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.shinsa.ingest.fixtures.ScannedStatementFixture;
import jp.shinsa.ingest.pdf.ScanPreprocessor;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import jp.shinsa.review.support.Callers;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A statement scanned a quarter turned (a landscape page fed portrait) is read through OCR; choosing
 * one of its figures marks the figure on the page as stored, turned, as for a text PDF. Needs
 * Tesseract (jpn, osd) and the Noto CJK font; skipped where either is missing.
 */
@ReviewAppIntegrationTest
class ScannedStatementMarkBrowserIT {
    static final String SCAN = "損益計算書_スキャン.pdf";
    @LocalServerPort
    int port;
    /** The holder this context's method security reads (the static one is the last context's in this JVM). */
    @Autowired
    ObjectProvider<SecurityContextHolderStrategy> holder;

    @Autowired
    ApplicationReviewService applications;

    @Test
    void should_mark_a_figure_read_from_a_turned_scan_where_it_is_printed() throws Exception {
        Optional<Font> font = ScannedStatementFixture.font();
        assumeThat(font).as("Noto Sans CJK installed").isPresent();
        assumeThat(tesseractWithJpnAndOsd()).as("tesseract with jpn and osd installed").isTrue();
        // the scanned statement alone, so its figures are the only ones on the screen
        List<UploadedFile> files = List.of(new UploadedFile(SCAN, "application/pdf", turnedScan(font.get())));
        long id = Callers.as(holder, "examiner", Roles.EXAMINER, () -> {
            long submitted = applications.submit("examiner", "スキャン試験申請", files);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
            while (applications.find(submitted).orElseThrow().status() != ApplicationStatus.REVIEWED) {
                assertThat(applications.find(submitted).orElseThrow().status()).isNotEqualTo(ApplicationStatus.FAILED);
                assertThat(Instant.now()).as("reviewed in time").isBefore(deadline);
                Thread.sleep(500);
            }
            return submitted;
        });
        try (Browser browser = new Browser(port)) {
            WebDriver d = browser.driver();
            var wait = browser.waitUpTo(Duration.ofSeconds(90));
            browser.login("examiner", "shinsa-demo");
            browser.open("/applications/" + id);
            wait.until(x -> x.findElement(By.xpath("//vaadin-tab[contains(normalize-space(.), '数値')]"))).click();
            browser.screenshot("scan-mark-figures");
            By scanned = By.cssSelector("span[data-file='" + SCAN + "'][data-year='2024']");
            wait.until(x -> x.findElement(scanned)).click();
            wait.until(x -> x.findElement(By.id("viewer-caption")).getText().contains(SCAN));
            WebElement mark = wait.until(x -> x.findElement(By.id("viewer-mark")));
            WebElement page = d.findElement(By.id("viewer-page-image"));
            browser.screenshot("scan-mark-turned");
            var m = mark.getRect();
            var p = page.getRect();
            // on the page image, and standing upright as the turned amount does: taller than wide
            assertThat(m.getX()).isBetween(p.getX(), p.getX() + p.getWidth());
            assertThat(m.getY()).isBetween(p.getY(), p.getY() + p.getHeight());
            assertThat(m.getHeight()).isGreaterThan(m.getWidth() * 2);
            // the current-year amounts stand in the lower part of the turned page (they were printed on the right)
            assertThat(m.getY() + m.getHeight() / 2.0).isLessThan(p.getY() + p.getHeight() * 0.95)
                    .isGreaterThan(p.getY() + p.getHeight() * 0.6);
        }
    }

    /** The fixture's short 損益計算書 at 200 dpi, turned a quarter clockwise and stored as an image-only JPEG page of swapped sides. */
    private static byte[] turnedScan(Font font) throws Exception {
        BufferedImage img = ScannedStatementFixture.image(font);
        float width = (float) ScannedStatementFixture.pageSize().getWidth();
        float height = (float) ScannedStatementFixture.pageSize().getHeight();
        BufferedImage turned = ScanPreprocessor.turn(img, 90);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(height, width));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(JPEGFactory.createFromImage(doc, turned, 0.8f), 0, 0, height, width);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static boolean tesseractWithJpnAndOsd() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out.lines().anyMatch("jpn"::equals) && out.lines().anyMatch("osd"::equals);
        } catch (Exception e) {
            return false;
        }
    }
}
