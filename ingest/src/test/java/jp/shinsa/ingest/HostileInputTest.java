package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.shinsa.ingest.fixtures.PdfFixture;
import jp.shinsa.ingest.fixtures.WorkbookFixture;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every hostile file ends as an unreadable document with a reason, in bounded time, and the rest is still read. */
@Timeout(60)
class HostileInputTest {
    private static ApplicationReader reader;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        reader = new ApplicationReader(IngestOptions.defaults().withOcr(false).withTimePerFile(Duration.ofSeconds(20)));
    }

    private Path goodStatement() throws IOException {
        return new PdfFixture().text(200, 40, "貸借対照表").text(200, 60, "令和7年3月31日現在")
                .row(100, 50, "資産合計", new float[] {400}, "1,000").save(dir.resolve("good.pdf"));
    }

    private static byte[] pdfBytes(PdfFixture f) throws IOException {
        try (PDDocument d = f.build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void should_report_a_zero_byte_file_as_empty() throws Exception {
        ExtractedDocument d = reader.readFile(Files.createFile(dir.resolve("zero.pdf")));
        assertThat(d.readable()).isFalse();
        assertThat(d.error()).isEqualTo("empty file");
        assertThat(d.type()).isEqualTo(DocumentType.OTHER);
    }

    @Test
    void should_report_a_corrupt_pdf() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, junk, 0, head.length);
        ExtractedDocument d = reader.readFile(Files.write(dir.resolve("corrupt.pdf"), junk));
        assertThat(d.readable()).isFalse();
        assertThat(d.error()).isNotBlank();
    }

    @Test
    void should_report_a_truncated_pdf() throws Exception {
        byte[] whole = pdfBytes(new PdfFixture().text(50, 50, "貸借対照表 資産合計 1,000"));
        byte[] half = Arrays.copyOf(whole, whole.length / 3);
        ExtractedDocument d = reader.readFile(Files.write(dir.resolve("truncated.pdf"), half));
        assertThat(d.readable()).isFalse();
        assertThat(d.error()).isNotBlank();
    }

    @Test
    void should_report_an_encrypted_pdf() throws Exception {
        Path f = dir.resolve("secret.pdf");
        try (PDDocument doc = new PdfFixture().text(50, 50, "貸借対照表").build()) {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            p.setEncryptionKeyLength(128);
            doc.protect(p);
            doc.save(f.toFile());
        }
        ExtractedDocument d = reader.readFile(f);
        assertThat(d.error()).isEqualTo("encrypted PDF");
    }

    @Test
    void should_report_a_pdf_without_any_text_as_image_only_when_ocr_is_off() throws Exception {
        Path f = dir.resolve("blank.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(f.toFile());
        }
        ExtractedDocument d = reader.readFile(f);
        assertThat(d.readable()).isFalse();
        assertThat(d.error()).contains("image-only PDF");
    }

    @Test
    void should_read_a_file_by_its_content_whatever_its_extension_says() throws Exception {
        Path pdfNamedXlsx = Files.copy(goodStatement(), dir.resolve("決算.xlsx"));
        Path xlsxNamedPdf = WorkbookFixture.xlsx().row("決算状況入力シート").row("項目", "令和6年度").row("資産合計", 5)
                .save(dir.resolve("scan_0003.pdf"));

        assertThat(reader.readFile(pdfNamedXlsx).type()).isEqualTo(DocumentType.FINANCIAL_STATEMENTS);
        assertThat(reader.readFile(xlsxNamedPdf).type()).isEqualTo(DocumentType.INPUT_SHEET);
    }

    @Test
    void should_report_a_text_file_named_pdf_without_crashing() throws Exception {
        ExtractedDocument d = reader.readFile(Files.writeString(dir.resolve("fake.pdf"), "これはPDFではありません"));
        assertThat(d.type()).isEqualTo(DocumentType.OTHER);
        assertThat(d.figures()).isEmpty();
    }

    @Test
    void should_refuse_a_file_over_the_size_limit_without_opening_it() throws Exception {
        ApplicationReader small = new ApplicationReader(IngestOptions.defaults().withOcr(false).withMaxFileBytes(1024));
        Path big = goodStatement();
        Files.write(big, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        ExtractedDocument d = small.readFile(big);
        assertThat(d.error()).startsWith("file too large");
    }

    @Test
    void should_report_a_corrupt_xlsx() throws Exception {
        Path f = dir.resolve("broken.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook><sheets><sheet name=\"a\" r:id=\"nope\"".getBytes(StandardCharsets.UTF_8));
        }
        ExtractedDocument d = reader.readFile(f);
        assertThat(d.readable()).isFalse();
        assertThat(d.error()).isNotBlank();
    }

    @Test
    void should_refuse_a_decompression_bomb_spreadsheet() throws Exception {
        Path good = WorkbookFixture.xlsx().row("決算状況入力シート").row("資産合計", 1).save(dir.resolve("src.xlsx"));
        Path bomb = dir.resolve("bomb.xlsx");
        // the same workbook with a sheet part of 300 MB of repeated bytes, a few hundred KB compressed
        try (var in = new java.util.zip.ZipFile(good.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (var e : java.util.Collections.list(in.entries())) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    byte[] head = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.UTF_8);
                    z.write(head);
                    byte[] pad = new byte[1 << 20];
                    Arrays.fill(pad, (byte) ' ');
                    for (int i = 0; i < 300; i++) {
                        z.write(pad);
                    }
                    z.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.getInputStream(e).transferTo(z);
                }
            }
        }
        ExtractedDocument d = reader.readFile(bomb);
        assertThat(d.readable()).isFalse();
        // refused as a bomb, not by the time bound per file (whose message is "reading took longer")
        assertThat(d.error()).containsIgnoringCase("bomb");
    }

    @Test
    void should_report_a_deeply_nested_pdf() throws Exception {
        // 200,000 nested arrays in the page's dictionary: a parser that recurses must not bring the reader down
        StringBuilder b = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
                .append("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /X ");
        b.append("[".repeat(200_000)).append("]".repeat(200_000)).append(" >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        ExtractedDocument d = reader.readFile(Files.writeString(dir.resolve("nested.pdf"), b));
        assertThat(d.readable()).isFalse();
        assertThat(d.error()).isNotBlank();
    }

    // Found by ./shinsa fuzz (one mutated number in a CMap): PDFBox expands a bfrange code by code with int
    // arithmetic and does not stop when interrupted, so the time bound reported the file while the read went
    // on adding mappings for some 1.8 billion codes.
    @ParameterizedTest
    @ValueSource(strings = {"<4294967296> <04FF> <0400>", "<00000000> <7FFFFFFF> <0000>"})
    void should_refuse_a_pdf_whose_font_maps_billions_of_codes(String range) throws Exception {
        Path f = dir.resolve("cmap.pdf");
        try (PDDocument doc = new PdfFixture().text(50, 50, "貸借対照表 資産合計 1,000").build()) {
            COSDictionary fonts = doc.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            COSDictionary font = (COSDictionary) fonts.getDictionaryObject(COSName.getPDFName("F1"));
            COSStream cmap = (COSStream) font.getDictionaryObject(COSName.TO_UNICODE);
            try (OutputStream out = cmap.createOutputStream()) {
                out.write(("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\n"
                        + "endcodespacerange\n1 beginbfrange\n" + range + "\nendbfrange\nendcmap\nend\nend\n").getBytes(StandardCharsets.US_ASCII));
            }
            doc.save(f.toFile());
        }
        ExtractedDocument d = reader.readFile(f);
        // refused for its character map, not by the time bound per file (whose message is "reading took longer")
        assertThat(d.error()).startsWith("corrupt PDF: font character map");
    }

    @Test
    void should_stop_a_file_that_takes_longer_than_the_time_bound() throws Exception {
        ApplicationReader hasty = new ApplicationReader(IngestOptions.defaults().withOcr(false).withTimePerFile(Duration.ofMillis(1)));
        ExtractedDocument d = hasty.readFile(goodStatement());
        assertThat(d.error()).startsWith("reading took longer than");
    }

    @Test
    void should_still_read_the_rest_of_the_application() throws Exception {
        Path app = Files.createDirectories(dir.resolve("APP"));
        Files.copy(goodStatement(), app.resolve("a.pdf"));
        Files.createFile(app.resolve("b.pdf"));
        Files.write(app.resolve("c.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Files.writeString(app.resolve(".hidden"), "x");

        ExtractedApplication a = reader.read(app);

        assertThat(a.name()).isEqualTo("APP");
        assertThat(a.documents()).extracting(ExtractedDocument::file).containsExactly("a.pdf", "b.pdf", "c.xlsx");
        assertThat(a.documents().get(0).figures()).hasSize(1);
        assertThat(a.documents().subList(1, 3)).allSatisfy(d -> assertThat(d.readable()).isFalse());
    }

    @Test
    void should_read_uploaded_files_under_a_display_name() throws Exception {
        ExtractedApplication a = reader.read("upload-42", List.of(goodStatement()));
        assertThat(a.name()).isEqualTo("upload-42");
        assertThat(a.figures()).hasSize(1);
    }

    static void unused(OutputStream o) {
    }
}
