package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Font;
import java.nio.file.Path;
import java.time.Duration;

import jp.shinsa.ingest.fixtures.ScanDegradation;
import jp.shinsa.ingest.fixtures.ScannedStatementFixture;
import jp.shinsa.ingest.pdf.ScanPreprocessor;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
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

        assertReadsTheStatement(reader.readFile(f));
    }

    @Test
    void should_read_figures_of_a_statement_scanned_two_degrees_askew() throws Exception {
        assumeOcr();
        Path f = ScannedStatementFixture.save(ScanPreprocessor.rotate(ScannedStatementFixture.image(font), 2),
                ScanDegradation.CLEAN, dir.resolve("損益計算書.pdf"));

        assertReadsTheStatement(reader.readFile(f));
    }

    @Test
    void should_read_figures_of_a_statement_scanned_sideways() throws Exception {
        assumeOcr();
        Path f = ScannedStatementFixture.save(font, ScanDegradation.ROTATED_90, 1, dir.resolve("損益計算書.pdf"));

        assertReadsTheStatement(reader.readFile(f));
    }

    private static void assertReadsTheStatement(ExtractedDocument d) {
        assertThat(d.error()).isNull();
        assertThat(d.ocr()).isTrue();
        assertThat(d.type()).isEqualTo(DocumentType.FINANCIAL_STATEMENTS);
        assertThat(d.figures()).extracting(Figure::fiscalYear, Figure::value).contains(
                tuple(2024, 13_518_321_262L), tuple(2023, 14_180_986_973L), tuple(2024, 13_362_364_916L),
                tuple(2024, 196_391_823L), tuple(2024, 132_410_964L));
        // OCR gives the page, not a box: the viewer shows the stored (unturned) page with no mark
        assertThat(d.figures()).allSatisfy(fig -> {
            assertThat(fig.location().page()).isEqualTo(1);
            assertThat(fig.location().x()).isNull();
        });
    }
}
