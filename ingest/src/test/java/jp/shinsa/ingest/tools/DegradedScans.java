package jp.shinsa.ingest.tools;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.fixtures.ScanDegradation;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dev tool: for each {@link ScanDegradation}, copies a few applications with their statement, BS
 * comparison, input-sheet and application-form PDFs turned into degraded image-only scans, reads
 * them and writes one contract-shaped JSON line per application to {@code OUT/<degradation>.jsonl}
 * for {@code ingest/bench/score-scans.py}. Prints OCR pages and seconds per degradation.
 * <pre>
 * ./mvnw -B -q -o -pl ingest -am test -Dtest=DegradedScans -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dshinsa.degrade.out=/tmp/degraded [-Dshinsa.degrade.in=/work/shared/corpus/dev] \
 *     [-Dshinsa.degrade.apps=APP-0001,APP-0003,APP-0011,APP-0020] [-Dshinsa.degrade.only=clean,rot180] [-Dshinsa.degrade.seed=1]
 * </pre>
 */
class DegradedScans {
    /** The files ScanCorpus and run-benchmarks.sh scan: statements, BS comparisons, input sheets, forms. */
    static final String SCANNED = "(決算|貸借|損益|BS|所要|決算状況).*\\.pdf";

    @Test
    @EnabledIfSystemProperty(named = "shinsa.degrade.out", matches = ".+")
    void read_degraded_scans() throws IOException {
        Path in = Path.of(System.getProperty("shinsa.degrade.in", "../../shared/corpus/dev"));
        Path out = Files.createDirectories(Path.of(System.getProperty("shinsa.degrade.out")));
        List<String> apps = Arrays.asList(System.getProperty("shinsa.degrade.apps", "APP-0001,APP-0003,APP-0011,APP-0020").split(","));
        String only = System.getProperty("shinsa.degrade.only", "");
        long seed = Long.parseLong(System.getProperty("shinsa.degrade.seed", "1"));
        List<ScanDegradation> variants = only.isBlank() ? List.of(ScanDegradation.values())
                : Arrays.stream(only.split(",")).map(ScanDegradation::of).toList();
        ObjectMapper json = JsonMapper.builder().build();
        try (ApplicationReader reader = new ApplicationReader()) {
            for (ScanDegradation v : variants) {
                Path dir = out.resolve(v.id());
                for (String app : apps) {
                    copy(in.resolve(app), Files.createDirectories(dir.resolve(app)), v, seed);
                }
                int pages = 0;
                long start = System.nanoTime();
                try (Writer w = Files.newBufferedWriter(out.resolve(v.id() + ".jsonl"), StandardCharsets.UTF_8)) {
                    for (String app : apps) {
                        ExtractedApplication a = reader.read(dir.resolve(app));
                        pages += a.documents().stream().filter(ExtractedDocument::ocr).mapToInt(ExtractedDocument::pages).sum();
                        w.write(json.writeValueAsString(CorpusDump.toContract(a)));
                        w.write('\n');
                    }
                }
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf("DEGRADED %-11s ocrPages=%d seconds=%.1f perPage=%.2f%n", v.id(), pages, s, s / Math.max(1, pages));
                if (!Boolean.getBoolean("shinsa.degrade.noReference")) {
                    reference(dir, apps, v);
                }
            }
        }
    }

    /**
     * The same scanned pages read by plain {@code tesseract -l jpn --psm 4} from a 300-dpi PNG
     * (rendering not counted; Tesseract's default threads), right after ours, so that the two
     * timings share the machine's load. Writes each page's text beside the PNG.
     */
    private static void reference(Path dir, List<String> apps, ScanDegradation v) throws IOException {
        int pages = 0;
        double seconds = 0;
        for (String app : apps) {
            try (Stream<Path> s = Files.list(dir.resolve(app))) {
                for (Path f : s.filter(p -> p.getFileName().toString().matches(SCANNED)).sorted().toList()) {
                    try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                        PDFRenderer r = new PDFRenderer(doc);
                        for (int i = 0; i < doc.getNumberOfPages(); i++) {
                            Path png = dir.resolve(app).resolve(".reference-" + f.getFileName() + "-" + (i + 1) + ".png");
                            ImageIO.write(r.renderImageWithDPI(i, 300, ImageType.GRAY), "png", png.toFile());
                            long t0 = System.nanoTime();
                            Process p = new ProcessBuilder("tesseract", png.toString(), png.toString().replace(".png", ""),
                                    "-l", "jpn", "--psm", "4").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                            try {
                                p.waitFor();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IOException(e);
                            }
                            seconds += (System.nanoTime() - t0) / 1e9;
                            pages++;
                        }
                    }
                }
            }
        }
        System.out.printf("REFERENCE %-10s pages=%d seconds=%.1f perPage=%.2f (plain tesseract -l jpn --psm 4, 300 dpi)%n",
                v.id(), pages, seconds, seconds / Math.max(1, pages));
    }

    private static void copy(Path from, Path to, ScanDegradation v, long seed) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.sorted().toList()) {
                String n = f.getFileName().toString();
                Path t = to.resolve(n);
                if (n.matches(SCANNED)) {
                    v.scan(f, t, seed ^ n.hashCode());
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
