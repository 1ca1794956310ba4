package jp.shinsa.ingest.tools;

import java.nio.file.Path;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Dev tool: milliseconds the spreader takes per statement of one application (-Dshinsa.spread.timing=DIR). */
class SpreadTiming {
    @Test
    @EnabledIfSystemProperty(named = "shinsa.spread.timing", matches = ".+")
    void time_spreading() {
        ExtractedApplication app = new ApplicationReader().read(Path.of(System.getProperty("shinsa.spread.timing")));
        for (int pass = 0; pass < 3; pass++) {
            for (ExtractedDocument d : app.documents()) {
                if (d.rows().isEmpty()) {
                    continue;
                }
                long t = System.nanoTime();
                int n = 10;
                for (int i = 0; i < n; i++) {
                    StatementSpreader.remap(d, LearnedMappings.none());
                }
                System.err.printf("%s rows=%d %.1f ms%n", d.file(), d.rows().size(), (System.nanoTime() - t) / 1e6 / n);
            }
        }
    }
}
