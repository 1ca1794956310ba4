package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import jp.shinsa.models.ExtractedDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCR of an image-only page through Tika's Tesseract parser. Needs Debian tesseract-ocr and
 * tesseract-ocr-jpn (CI installs them); skipped where Tesseract is absent. One small page only:
 * OCR takes seconds. The page is drawn in a Latin font (the machine may have no Japanese font).
 */
class OcrTest {
    @TempDir
    Path dir;

    @Test
    void should_ocr_an_image_only_pdf_page() throws Exception {
        TikaTesseractOcr ocr = new TikaTesseractOcr("jpn", 60);
        assumeThat(ocr.available()).as("tesseract installed").isTrue();
        BufferedImage img;
        try {
            img = new BufferedImage(1200, 300, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
            g.drawString("TOTAL            1,234,567", 60, 120);
            g.drawString("NET              2,500", 60, 220);
            g.dispose();
        } catch (Error | RuntimeException e) {
            assumeThat(false).as("AWT fonts available: " + e).isTrue();
            return;
        }
        Path f = dir.resolve("scan_0001.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(576, 144));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(LosslessFactory.createFromImage(doc, img), 0, 0, 576, 144);
            }
            doc.save(f.toFile());
        }

        ExtractedDocument d = new ApplicationReader(IngestOptions.defaults().withTimePerFile(Duration.ofSeconds(60))).readFile(f);

        assertThat(d.error()).isNull();
        assertThat(d.ocr()).isTrue();
        assertThat(d.text()).contains("TOTAL").contains("1,234,567").contains("2,500");
    }

    @Test
    void should_mend_what_ocr_does_to_japanese_statement_lines() {
        List<Line> lines = TikaTesseractOcr.lines("現 金 預 金      1.428,.013,277      A5.731,583\n流動資産計  人A2,375,74 8\n負債合計   4 275,624.777   7186,438\n貸倒引当金   A4,312 202\n固定負債合計   2 .351.149,973   4.241.222718\n当期純損益   A22 745   4 837,573\n固定負債合計      4 837,.573      4.761.565\n3  ネットワークスイッチ  SW-290 (48ポート)  オリオン電子  3  792,000", "s.pdf", 1);

        assertThat(lines.get(0).cells()).extracting(Cell::text).containsExactly("現金預金", "1,428,013,277", "△5,731,583");
        assertThat(lines.get(1).cells()).extracting(Cell::text).containsExactly("流動資産計", "△2,375,748");
        assertThat(lines.get(2).cells()).extracting(Cell::text).containsExactly("負債合計", "4,275,624,777", "7,186,438");
        assertThat(lines.get(3).cells()).extracting(Cell::text).containsExactly("貸倒引当金", "△4,312,202");
        assertThat(lines.get(4).cells()).extracting(Cell::text).containsExactly("固定負債合計", "2,351,149,973", "4,241,222,718");
        assertThat(lines.get(5).cells()).extracting(Cell::text).containsExactly("当期純損益", "△22,745", "4,837,573");
        assertThat(lines.get(6).cells()).extracting(Cell::text).containsExactly("固定負債合計", "4,837,573", "4,761,565");
        assertThat(lines.get(7).cells()).extracting(Cell::text).contains("SW-290(48ポート)");
    }

    @Test
    void should_read_a_thin_triangle_that_ocr_takes_for_hiragana_as_a_negative_sign() {
        // Noto Sans CJK's △ at 200 dpi comes out of Tesseract as 人へ, and a comma as a full stop
        List<Line> lines = TikaTesseractOcr.lines("貸倒引当金      人へ2.257,454", "s.pdf", 1);

        assertThat(lines.get(0).cells()).extracting(Cell::text).containsExactly("貸倒引当金", "△2,257,454");
    }

    @Test
    void should_drop_a_number_read_from_a_few_specks_between_a_label_and_its_amount() {
        String raw = "減価償却費        8        390,780,802";
        var words = List.of(new TikaTesseractOcr.Word("減価償却費", 0, 300, 1000, 180, 34, 93),
                new TikaTesseractOcr.Word("8", 0, 1050, 1050, 22, 13, 15),
                new TikaTesseractOcr.Word("390,780,802", 0, 1800, 1002, 260, 31, 91));
        var printed = List.of(new TikaTesseractOcr.Word("減価償却費", 0, 300, 1000, 180, 34, 93),
                new TikaTesseractOcr.Word("8", 0, 1050, 1000, 20, 30, 88),
                new TikaTesseractOcr.Word("390,780,802", 0, 1800, 1002, 260, 31, 91));

        List<Line> lines = TikaTesseractOcr.lines(new TikaTesseractOcr.Reading(raw, words), "s.pdf", 1, new java.awt.geom.AffineTransform());

        assertThat(lines.get(0).cells()).extracting(Cell::text).containsExactly("減価償却費", "390,780,802");
        assertThat(TikaTesseractOcr.lines(new TikaTesseractOcr.Reading(raw, printed), "s.pdf", 1, new java.awt.geom.AffineTransform())
                .get(0).cells()).as("a printed 8 stays").extracting(Cell::text).contains("8");
    }

    @Test
    void should_put_a_block_listed_before_the_title_above_it_back_under_it() {
        String text = "負債の部\n買掛金  587,800,772  541,483,277\n\n貸借対照表\n前年度  当年度\n";
        var words = List.of(new TikaTesseractOcr.Word("負債の部", 0, 200, 2000, 120, 30, 95),
                new TikaTesseractOcr.Word("買掛金", 1, 220, 2050, 90, 30, 95),
                new TikaTesseractOcr.Word("587,800,772", 1, 1300, 2050, 200, 30, 95),
                new TikaTesseractOcr.Word("541,483,277", 1, 1800, 2050, 200, 30, 95),
                new TikaTesseractOcr.Word("貸借対照表", 2, 900, 180, 500, 55, 95),
                new TikaTesseractOcr.Word("前年度", 3, 1350, 400, 100, 30, 95),
                new TikaTesseractOcr.Word("当年度", 3, 1850, 400, 100, 30, 95));

        var reading = TikaTesseractOcr.topDown(new TikaTesseractOcr.Reading(text, words), List.of("1", "1", "2", "2"));
        List<Line> lines = TikaTesseractOcr.lines(reading, "bs.pdf", 1, new java.awt.geom.AffineTransform());

        assertThat(lines).extracting(Line::text).first().asString().contains("貸借対照表");
        assertThat(lines.get(1).text()).contains("前年度");
        assertThat(lines.get(3).cells().get(1).location().y()).as("the boxes follow their lines").isEqualTo(2050f);
    }

    @Test
    void should_mend_a_change_header_and_an_era_misread_on_a_year_header_line() {
        List<Line> lines = TikaTesseractOcr.lines("科目    前年度(令和6年3月31日)    当年度(信和7年3月31日)    省減\n減少  1,234", "s.pdf", 1);

        assertThat(lines.get(0).cells()).extracting(Cell::text).contains("当年度(令和7年3月31日)", "増減");
        assertThat(lines.get(1).cells()).extracting(Cell::text).as("not beside a year header").contains("減少");
    }
}
