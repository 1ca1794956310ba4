package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What no reader of ingest's own takes goes to Tika, which ships only the parser modules for it
 * (docs/decisions/019-tools-module.md): Word, RTF, HTML and plain text are still read as text.
 */
class OfficeTextThroughTikaTest {
    @TempDir
    Path dir;

    private final IngestOptions options = IngestOptions.defaults();
    private final FileLayoutReader reader = new FileLayoutReader(options, new TikaTesseractOcr(options.ocrLanguage(), 120));

    @Test
    void should_read_the_text_of_a_word_document() throws Exception {
        Path file = dir.resolve("quote.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("御見積書");
            doc.createParagraph().createRun().setText("超音波診断装置  合計金額  1,234,000円");
            doc.write(out);
        }

        DocumentLayout layout = reader.read(file, "quote.docx");

        assertThat(layout.text()).contains("御見積書").contains("超音波診断装置").contains("1,234,000");
    }

    @Test
    void should_read_the_text_of_an_rtf_document() throws Exception {
        Path file = dir.resolve("catalogue.rtf");
        Files.writeString(file, "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}}\\f0 Ultrasound scanner US-200 catalogue\\par}",
                StandardCharsets.US_ASCII);

        assertThat(reader.read(file, "catalogue.rtf").text()).contains("Ultrasound scanner US-200 catalogue");
    }

    @Test
    void should_read_the_text_of_an_html_page() throws Exception {
        Path file = dir.resolve("spec.html");
        Files.writeString(file, "<html><head><meta charset=\"UTF-8\"><title>仕様</title></head><body><h1>製品仕様書</h1>"
                + "<p>型式 PR-1 検査装置</p></body></html>", StandardCharsets.UTF_8);

        assertThat(reader.read(file, "spec.html").text()).contains("製品仕様書").contains("型式 PR-1 検査装置");
    }
}
