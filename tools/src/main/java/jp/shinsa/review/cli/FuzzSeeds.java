package jp.shinsa.review.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.shinsa.ingest.pdf.GlyphlessFont;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The fuzzer's starting files, all made from the demo packages: their XLSX as generated, the same
 * sheets printed as text PDFs (label left, amounts right-aligned in columns, as a statement PDF is
 * laid out) and as CSV. Every seed is read cleanly by ingest, so mutants start from files that reach
 * the extractors rather than from noise.
 *
 * <p>The PDFs use a "glyphless" Type0 font whose codes are UTF-16 units with an identity ToUnicode
 * map, so Japanese text extracts without a Japanese font on the machine. Half are saved without
 * compression (classic xref table, readable content streams: the PDF-aware mutations find numbers,
 * operators and offsets to mangle), half with PDFBox's default object and xref streams.
 */
final class FuzzSeeds {
    enum Kind {
        PDF("pdf"), XLSX("xlsx"), CSV("csv");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    record Seed(Kind kind, String name, byte[] bytes) {
    }

    private final List<Seed> seeds;

    private FuzzSeeds(List<Seed> seeds) {
        this.seeds = List.copyOf(seeds);
    }

    /** Seeds from the first {@code packages} demo packages (5 workbooks each, each also as PDF and one as CSV). */
    static FuzzSeeds fromDemoPackages(int packages) {
        DemoPackageGenerator generator = new DemoPackageGenerator();
        List<Seed> out = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            DemoPackageGenerator.DemoPackage pkg = generator.generate(p);
            for (int f = 0; f < pkg.files().size(); f++) {
                UploadedFile file = pkg.files().get(f);
                String stem = String.format(Locale.ROOT, "p%d-%d", p, f);
                out.add(new Seed(Kind.XLSX, stem + ".xlsx", withoutClock(file.content())));
                List<List<String>> rows = rows(file.content());
                out.add(new Seed(Kind.PDF, stem + ".pdf", pdf(rows, (p + f) % 2 == 0)));
                if (f == 1 || f == 0) {
                    out.add(new Seed(Kind.CSV, stem + ".csv", csv(rows)));
                }
            }
        }
        return new FuzzSeeds(out);
    }

    /**
     * The workbook with its creation time and ZIP entry times fixed: POI stamps both with the clock,
     * and a seed must be the same bytes in every run for file i to be reproducible.
     */
    static byte[] withoutClock(byte[] xlsx) {
        var parts = FuzzMutator.unzip(xlsx);
        parts.computeIfPresent("docProps/core.xml", (k, v) -> new String(v, StandardCharsets.UTF_8)
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z", "2026-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8));
        return FuzzMutator.zip(parts);
    }

    List<Seed> of(Kind kind) {
        return seeds.stream().filter(s -> s.kind() == kind).toList();
    }

    List<Seed> all() {
        return seeds;
    }

    /** Every sheet's rows as displayed text, a blank row between sheets. */
    static List<List<String>> rows(byte[] xlsx) {
        List<List<String>> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.JAPAN);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                    }
                    out.add(cells);
                }
                out.add(List.of());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static byte[] csv(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                String v = r.get(i);
                b.append(i == 0 ? "" : ",").append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows printed 16 pt apart, first column at the left margin, the others right-aligned in 110 pt columns. */
    static byte[] pdf(List<List<String>> rows, boolean compressed) {
        try (PDDocument doc = new PDDocument()) {
            doc.setDocumentId(0L); // the trailer /ID is otherwise made from the clock
            COSDictionary font = GlyphlessFont.create(doc);
            float height = PDRectangle.A4.getHeight();
            StringBuilder cs = null;
            float y = 0;
            List<StringBuilder> pages = new ArrayList<>();
            for (List<String> row : rows) {
                if (cs == null || y > height - 60) {
                    cs = new StringBuilder();
                    pages.add(cs);
                    y = 50;
                }
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (v.isBlank()) {
                        continue;
                    }
                    float x = c == 0 ? 40 : 150 + 110 * c - width(v);
                    cs.append("BT /F1 10 Tf 1 0 0 1 ").append(x).append(' ').append(height - y).append(" Tm <")
                            .append(hex(v)).append("> Tj ET\n");
                }
                y += 16;
            }
            for (StringBuilder content : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                PDResources res = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), font);
                res.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(res);
                PDStream stream = new PDStream(doc);
                try (OutputStream out = stream.createOutputStream()) {
                    out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(stream);
                doc.addPage(page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, compressed ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width(String s) {
        float w = 0;
        for (char c : s.toCharArray()) {
            w += c >= 0x20 && c <= 0x7E ? 5f : 10f;
        }
        return w;
    }

    private static String hex(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(String.format("%04X", (int) c));
        }
        return b.toString();
    }
}
