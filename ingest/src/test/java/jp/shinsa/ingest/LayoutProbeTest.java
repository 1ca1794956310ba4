package jp.shinsa.ingest;

import java.nio.file.Path;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Dev aid: prints the lines of cells a file is read into ({@code -Dshinsa.probe=FILE}). */
class LayoutProbeTest {
    @Test
    @EnabledIfSystemProperty(named = "shinsa.probe", matches = ".+")
    void print_layout() throws Exception {
        IngestOptions o = IngestOptions.defaults();
        FileLayoutReader r = new FileLayoutReader(o, new jp.shinsa.ingest.pdf.TikaTesseractOcr(o.ocrLanguage(), 120));
        Path f = Path.of(System.getProperty("shinsa.probe"));
        if (System.getProperty("shinsa.probe.raw") != null) {
            try (var doc = org.apache.pdfbox.Loader.loadPDF(f.toFile())) {
                var img = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, o.ocrDpi(),
                        org.apache.pdfbox.rendering.ImageType.GRAY);
                String raw = new jp.shinsa.ingest.pdf.TikaTesseractOcr(o.ocrLanguage(), 120).text(img);
                raw.lines().filter(l -> l.contains(System.getProperty("shinsa.probe.raw")))
                        .forEach(l -> System.err.println("RAW " + l.codePoints().mapToObj(c -> c < 128 && c != ' ' ? Character.toString(c)
                                : c == ' ' ? "_" : Character.toString(c) + "[" + Integer.toHexString(c) + "]").reduce("", String::concat)));
            }
        }
        for (Line l : r.read(f, f.getFileName().toString()).lines()) {
            StringBuilder b = new StringBuilder();
            for (Cell c : l.cells()) {
                b.append(String.format("[%s @%.0f-%.0f] ", c.text(), c.x(), c.right()));
            }
            System.err.println(l.page() + " " + b);
        }
    }
}
