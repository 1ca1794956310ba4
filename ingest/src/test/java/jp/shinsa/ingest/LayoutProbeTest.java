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
        for (Line l : r.read(f, f.getFileName().toString()).lines()) {
            StringBuilder b = new StringBuilder();
            for (Cell c : l.cells()) {
                b.append(String.format("[%s @%.0f-%.0f] ", c.text(), c.x(), c.right()));
            }
            System.err.println(l.page() + " " + b);
        }
    }
}
