package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jp.shinsa.ingest.fixtures.PdfFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfFixtureSmokeTest {
    @Test
    void should_extract_japanese_text_from_a_glyphless_fixture_pdf(@TempDir Path dir) throws Exception {
        Path f = new PdfFixture().text(50, 50, "貸借対照表 現金預金").text(300, 50, "1,234").save(dir.resolve("a.pdf"));
        try (var doc = Loader.loadPDF(f.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("貸借対照表").contains("1,234");
        }
    }
}
