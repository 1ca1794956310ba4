package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;

import jp.shinsa.ingest.fixtures.ScanDegradation;
import jp.shinsa.ingest.fixtures.ScannedStatementFixture;
import jp.shinsa.ingest.pdf.ScanPreprocessor;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans as office copiers make them, read through OCR: a short 損益計算書 printed in a Japanese font,
 * rasterised at 200 dpi, then turned or skewed and wrapped as an image-only PDF. Needs Tesseract with
 * jpn and osd (CI installs tesseract-ocr and tesseract-ocr-jpn) and the Noto CJK font; skipped where
 * either is missing. A few seconds per test.
 */
class ScannedPdfExtractionTest {
    private static ApplicationReader reader;
    private static Font font;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        reader = new ApplicationReader(IngestOptions.defaults().withTimePerFile(Duration.ofSeconds(90)));
        font = ScannedStatementFixture.font().orElse(null);
    }

    private static void assumeOcr() {
        assumeThat(new TikaTesseractOcr("jpn", 30).available()).as("tesseract with jpn installed").isTrue();
        assumeThat(font).as("Noto Sans CJK installed").isNotNull();
    }

    @Test
    void should_read_figures_of_a_statement_fed_upside_down() throws Exception {
        assumeOcr();
        Path f = ScannedStatementFixture.save(font, ScanDegradation.ROTATED_180, 1, dir.resolve("損益計算書.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertReadsTheStatement(d);
        // upside down: the printed point (x, y) lies at (width - x, height - y) of the stored page
        assertMarksWherePrinted(d, (x, y) -> new double[] {PAGE.getWidth() - x, PAGE.getHeight() - y});
    }

    @Test
    void should_read_figures_of_a_statement_scanned_two_degrees_askew() throws Exception {
        assumeOcr();
        Path f = ScannedStatementFixture.save(ScanPreprocessor.rotate(ScannedStatementFixture.image(font), 2),
                ScanDegradation.CLEAN, dir.resolve("損益計算書.pdf"));
        ExtractedDocument d = reader.readFile(f);

        assertReadsTheStatement(d);
        // two degrees clockwise about the page centre
        double a = Math.toRadians(2);
        double cx = PAGE.getWidth() / 2;
        double cy = PAGE.getHeight() / 2;
        assertMarksWherePrinted(d, (x, y) -> new double[] {
            cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a), cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a)});
    }

    @Test
    void should_read_figures_of_a_statement_scanned_sideways() throws Exception {
        assumeOcr();
        Path f = ScannedStatementFixture.save(font, ScanDegradation.ROTATED_90, 1, dir.resolve("損益計算書.pdf"));
        ExtractedDocument d = reader.readFile(f);

        assertReadsTheStatement(d);
        // a quarter turn clockwise onto a page box of swapped sides: (x, y) lies at (height - y, x)
        assertMarksWherePrinted(d, (x, y) -> new double[] {PAGE.getHeight() - y, x});
    }

    /**
     * A blurred table: the aligned strokes of a label such as 医業費用合計 and the grey between them fill
     * a row like a ruled line, yet the label must come through the rule whitening whole while the
     * rules go.
     */
    @Test
    void should_whiten_the_rules_of_a_blurred_table_and_keep_its_rows() throws Exception {
        assumeThat(font).as("Noto Sans CJK installed").isNotNull();
        Path f = ScannedStatementFixture.save(ScanDegradation.BLUR.apply(ScannedStatementFixture.ruledImage(font), 1),
                ScanDegradation.BLUR, dir.resolve("損益計算書.pdf"));
        int dpi = 300;
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(f.toFile())) {
            page = ScanPreprocessor.toGrey(new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.GRAY));
        }

        BufferedImage out = FileLayoutReader.withoutRules(page, dpi);

        double px = dpi / 72.0;
        for (int line = 0; line < ScannedStatementFixture.LINES.length; line++) {
            var box = ScannedStatementFixture.labelBox(font, line);
            int x0 = (int) (box.getMinX() * px) - 2;
            int x1 = (int) (box.getMaxX() * px) + 2;
            int y0 = (int) (box.getMinY() * px) - 2;
            int y1 = (int) (box.getMaxY() * px) + 2;
            assertThat(ink(out, x0, x1, y0, y1)).as("ink of the label %s", ScannedStatementFixture.LINES[line][0])
                    .isEqualTo(ink(page, x0, x1, y0, y1));
        }
        for (float[] rule : ScannedStatementFixture.RULES) {
            int y = (int) Math.round(rule[2] * px);
            int x0 = (int) (rule[0] * px) + 5;
            int x1 = (int) (rule[1] * px) - 5;
            assertThat(ink(page, x0, x1, y, y + 1)).as("the rule at %s pt is printed", rule[2]).isGreaterThan(x1 - x0 - 5);
            assertThat(ink(out, x0, x1, y - 4, y + 5)).as("the rule at %s pt is whitened", rule[2]).isZero();
        }
    }

    @Test
    void should_read_every_row_of_a_blurred_ruled_statement() throws Exception {
        assumeOcr();
        Path f = ScannedStatementFixture.save(ScanDegradation.BLUR.apply(ScannedStatementFixture.ruledImage(font), 1),
                ScanDegradation.BLUR, dir.resolve("損益計算書.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.error()).isNull();
        // every row is read, label and both amounts (a blurred △ may still be lost: that is not the rules' doing)
        for (String[] line : ScannedStatementFixture.LINES) {
            assertThat(d.text()).contains(line[0]);
            assertThat(d.figures()).extracting(Figure::fiscalYear, fig -> Math.abs(fig.value())).contains(
                    tuple(2023, Long.parseLong(line[1].replace(",", "").replace("△", ""))),
                    tuple(2024, Long.parseLong(line[2].replace(",", "").replace("△", ""))));
        }
    }

    /** Pixels darker than 192 in columns {@code x0} to {@code x1} and rows {@code y0} to {@code y1} (exclusive). */
    private static int ink(BufferedImage img, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (img.getRaster().getSample(x, y, 0) < 192) {
                    n++;
                }
            }
        }
        return n;
    }

    private static final java.awt.geom.Dimension2D PAGE = ScannedStatementFixture.pageSize();

    private interface PointMap {
        double[] map(double x, double y);
    }

    /**
     * Every figure read from the scan is marked on the stored page where its amount is printed: its
     * box overlaps the printed amount's box (mapped by {@code printedToStored}) by more than half.
     */
    private static void assertMarksWherePrinted(ExtractedDocument d, PointMap printedToStored) {
        int marked = 0;
        for (int line = 0; line < ScannedStatementFixture.LINES.length; line++) {
            for (int column = 1; column <= 2; column++) {
                long value = Long.parseLong(ScannedStatementFixture.LINES[line][column].replace(",", "").replace("△", "-"));
                var printed = ScannedStatementFixture.printedBox(font, line, column);
                double[] a = printedToStored.map(printed.getMinX(), printed.getMinY());
                double[] b = printedToStored.map(printed.getMaxX(), printed.getMaxY());
                var expected = new java.awt.geom.Rectangle2D.Double(Math.min(a[0], b[0]), Math.min(a[1], b[1]),
                        Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
                for (Figure fig : d.figures()) {
                    if (fig.value() != value) {
                        continue;
                    }
                    var at = fig.location();
                    assertThat(at.page()).isEqualTo(1);
                    assertThat(at.x()).as("box of %s", fig.value()).isNotNull();
                    var box = new java.awt.geom.Rectangle2D.Double(at.x(), at.y(), at.width(), at.height());
                    var common = box.createIntersection(expected);
                    double overlap = common.isEmpty() ? 0 : common.getWidth() * common.getHeight();
                    assertThat(overlap / Math.max(expected.getWidth() * expected.getHeight(), box.getWidth() * box.getHeight()))
                            .as("%s marked at %s, printed at %s", fig.value(), box, expected).isGreaterThan(0.5);
                    marked++;
                }
            }
        }
        assertThat(marked).isGreaterThanOrEqualTo(5);
    }

    private static void assertReadsTheStatement(ExtractedDocument d) {
        assertThat(d.error()).isNull();
        assertThat(d.ocr()).isTrue();
        assertThat(d.type()).isEqualTo(DocumentType.FINANCIAL_STATEMENTS);
        assertThat(d.figures()).extracting(Figure::fiscalYear, Figure::value).contains(
                tuple(2024, 13_518_321_262L), tuple(2023, 14_180_986_973L), tuple(2024, 13_362_364_916L),
                tuple(2024, 196_391_823L), tuple(2024, 132_410_964L));
    }
}
