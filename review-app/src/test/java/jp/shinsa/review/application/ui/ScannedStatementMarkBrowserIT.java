package jp.shinsa.review.application.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
    static final String[][] LINES = {
        {"医業収益", "14,180,986,973", "13,518,321,262"},
        {"医業費用合計", "14,387,772,757", "13,362,364,916"},
        {"医業損益", "△206,785,784", "155,956,346"},
        {"経常損益", "△149,860,916", "196,391,823"},
        {"当期純利益", "△117,438,724", "132,410,964"},
    };

    @LocalServerPort
    int port;
    /** The holder this context's method security reads (the static one is the last context's in this JVM). */
    @Autowired
    ObjectProvider<SecurityContextHolderStrategy> holder;

    @Autowired
    ApplicationReviewService applications;

    @Test
    void should_mark_a_figure_read_from_a_turned_scan_where_it_is_printed() throws Exception {
        Optional<Font> font = cjkFont();
        assumeThat(font).as("Noto Sans CJK installed").isPresent();
        assumeThat(tesseractWithJpnAndOsd()).as("tesseract with jpn and osd installed").isTrue();
        // the scanned statement alone, so its figures are the only ones on the screen
        List<UploadedFile> files = List.of(new UploadedFile(SCAN, "application/pdf", turnedScan(font.get())));
        long id;
        holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy).getContext().setAuthentication(new UsernamePasswordAuthenticationToken("examiner", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.EXAMINER))));
        try {
            id = applications.submit("examiner", "スキャン試験申請", files);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
            while (applications.find(id).orElseThrow().status() != ApplicationStatus.REVIEWED) {
                assertThat(applications.find(id).orElseThrow().status()).isNotEqualTo(ApplicationStatus.FAILED);
                assertThat(Instant.now()).as("reviewed in time").isBefore(deadline);
                Thread.sleep(500);
            }
        } finally {
            holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy).clearContext();
        }
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

    /** A short 損益計算書 drawn at 200 dpi, turned a quarter clockwise and stored as an image-only JPEG page of swapped sides. */
    private static byte[] turnedScan(Font font) throws Exception {
        float width = 595;
        float height = 300;
        double s = 200 / 72.0;
        BufferedImage img = new BufferedImage((int) (width * s), (int) (height * s), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(s, s);
        g.setFont(font.deriveFont(14f));
        g.drawString("損 益 計 算 書", 230, 40);
        g.setFont(font.deriveFont(10f));
        g.drawString("自 令和6年4月1日   至 令和7年3月31日", 200, 60);
        g.drawString("医療法人財団テスト会", 40, 85);
        g.drawString("（単位：円）", 480, 85);
        g.drawString("前年度", 380, 110);
        g.drawString("当年度", 500, 110);
        FontMetrics fm = g.getFontMetrics();
        float y = 135;
        for (String[] line : LINES) {
            g.drawString(line[0], 40, y);
            g.drawString(line[1], 420 - fm.stringWidth(line[1]), y);
            g.drawString(line[2], 545 - fm.stringWidth(line[2]), y);
            y += 25;
        }
        g.dispose();
        BufferedImage turned = new BufferedImage(img.getHeight(), img.getWidth(), BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform t = AffineTransform.getTranslateInstance(img.getHeight(), 0);
        t.rotate(Math.PI / 2);
        Graphics2D tg = turned.createGraphics();
        tg.drawImage(img, t, null);
        tg.dispose();
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

    private static Optional<Font> cjkFont() {
        File f = new File("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        if (!f.isFile()) {
            return Optional.empty();
        }
        try {
            for (Font font : Font.createFonts(f)) {
                if (font.getFamily(java.util.Locale.ROOT).contains("JP")) {
                    return Optional.of(font);
                }
            }
        } catch (Exception | Error e) {
            return Optional.empty();
        }
        return Optional.empty();
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
