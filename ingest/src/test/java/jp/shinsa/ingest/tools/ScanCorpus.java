package jp.shinsa.ingest.tools;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Dev tool: copies the first N application folders with every text PDF turned into an image-only
 * "scan" (rendered at 200 dpi, stored as JPEG), to measure extraction through OCR. Truth stays valid
 * because file names and content are unchanged.
 * <pre>-Dshinsa.scan.in=/work/shared/corpus/dev -Dshinsa.scan.out=/tmp/scanned -Dshinsa.scan.count=6</pre>
 */
class ScanCorpus {

    @Test
    @EnabledIfSystemProperty(named = "shinsa.scan.out", matches = ".+")
    void make_scanned_copies() throws IOException {
        Path in = Path.of(System.getProperty("shinsa.scan.in", "../../shared/corpus/dev"));
        Path out = Path.of(System.getProperty("shinsa.scan.out"));
        int count = Integer.parseInt(System.getProperty("shinsa.scan.count", "6"));
        String only = System.getProperty("shinsa.scan.only", "");
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
                            scan(f, t);
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

    static void scan(Path pdf, Path out) throws IOException {
        try (PDDocument src = Loader.loadPDF(pdf.toFile()); PDDocument dst = new PDDocument()) {
            PDFRenderer r = new PDFRenderer(src);
            for (int i = 0; i < src.getNumberOfPages(); i++) {
                PDRectangle box = src.getPage(i).getMediaBox();
                BufferedImage img = r.renderImageWithDPI(i, 200, ImageType.GRAY);
                PDPage page = new PDPage(box);
                dst.addPage(page);
                PDImageXObject x = JPEGFactory.createFromImage(dst, img, 0.8f);
                try (PDPageContentStream cs = new PDPageContentStream(dst, page)) {
                    cs.drawImage(x, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            dst.save(out.toFile());
        }
    }
}
