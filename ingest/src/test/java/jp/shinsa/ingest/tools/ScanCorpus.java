package jp.shinsa.ingest.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import jp.shinsa.ingest.fixtures.ScanDegradation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Dev tool: copies the first N application folders with every text PDF turned into an image-only
 * "scan" (rendered at 200 dpi, stored as JPEG), to measure extraction through OCR. Truth stays valid
 * because file names and content are unchanged.
 * {@code shinsa.scan.degrade} picks a {@link ScanDegradation} other than the clean scan (e.g. {@code rot180}, {@code copier}).
 * <pre>-Dshinsa.scan.in=/work/shared/corpus/dev -Dshinsa.scan.out=/tmp/scanned -Dshinsa.scan.count=6 [-Dshinsa.scan.degrade=skew3]</pre>
 */
class ScanCorpus {

    @Test
    @EnabledIfSystemProperty(named = "shinsa.scan.out", matches = ".+")
    void make_scanned_copies() throws IOException {
        Path in = Path.of(System.getProperty("shinsa.scan.in", "../../shared/corpus/dev"));
        Path out = Path.of(System.getProperty("shinsa.scan.out"));
        int count = Integer.parseInt(System.getProperty("shinsa.scan.count", "6"));
        String only = System.getProperty("shinsa.scan.only", "");
        ScanDegradation degradation = ScanDegradation.of(System.getProperty("shinsa.scan.degrade", "clean"));
        List<Path> folders;
        try (Stream<Path> s = Files.list(in)) {
            folders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("truth")).sorted().limit(count).toList();
        }
        for (Path folder : folders) {
            Path target = Files.createDirectories(out.resolve(folder.getFileName().toString()));
            try (Stream<Path> s = Files.list(folder)) {
                for (Path f : s.toList()) {
                    Path t = target.resolve(f.getFileName().toString());
                    String n = f.getFileName().toString();
                    if (n.endsWith(".pdf") && (only.isEmpty() || n.matches(only))) {
                        try {
                            degradation.scan(f, t, n.hashCode());
                        } catch (IOException e) {
                            Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } else {
                        Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
