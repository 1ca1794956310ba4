package jp.shinsa.review.pipeline;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.models.ExtractedApplication;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The child side of {@link ChildJvmApplicationReader}: {@code shinsa read-worker [options]} (a
 * command {@code ShinsaMain} does not list). It answers each request line on its standard input,
 * {@code {"name":…, "files":[paths]}}, with a line {@code {"abandoned":n}} (reads given up at the time
 * bound so far) followed by the application as one line of {@link ExtractionJson}, or with one line
 * {@code {"error":…}}; its first line is {@code {"ready":true}}; it ends at the end of its input.
 * Standard output is kept for these lines alone: {@code System.out} goes to standard error, where the
 * logs go too, so that a library printing to it cannot break the protocol.
 */
public final class ReaderWorker {
    static final String COMMAND = "read-worker";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReaderWorker() {
    }

    /** The reading options as the child's arguments (the parent's {@link IngestOptions}, field by field). */
    static List<String> arguments(IngestOptions o) {
        return List.of("--ocr", Boolean.toString(o.ocr()), "--ocr-language", o.ocrLanguage(),
                "--time-per-file-ms", Long.toString(o.timePerFile().toMillis()), "--max-file-bytes", Long.toString(o.maxFileBytes()),
                "--max-pages", Integer.toString(o.maxPages()), "--ocr-dpi", Integer.toString(o.ocrDpi()));
    }

    static IngestOptions options(String[] args) {
        IngestOptions d = IngestOptions.defaults();
        boolean ocr = d.ocr();
        String language = d.ocrLanguage();
        Duration time = d.timePerFile();
        long maxBytes = d.maxFileBytes();
        int maxPages = d.maxPages();
        int dpi = d.ocrDpi();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--ocr" -> ocr = Boolean.parseBoolean(v);
                case "--ocr-language" -> language = v;
                case "--time-per-file-ms" -> time = Duration.ofMillis(Long.parseLong(v));
                case "--max-file-bytes" -> maxBytes = Long.parseLong(v);
                case "--max-pages" -> maxPages = Integer.parseInt(v);
                case "--ocr-dpi" -> dpi = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new IngestOptions(ocr, language, time, maxBytes, maxPages, dpi);
    }

    /** {@code shinsa read-worker}: the ordinary reader. */
    public static int run(String[] args) {
        return run(args, reader -> reader);
    }

    /**
     * The loop around a reader made from the options; {@code wrap} lets tests put a hostile reader
     * around the real one in a main class of their own (production has no such switch).
     */
    public static int run(String[] args, Function<ApplicationReader, ApplicationFilesReader> wrap) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        watchParent();
        // as the workbench's application.properties: PDFBox warns of every repaired xref
        for (String name : List.of("org.apache.pdfbox", "org.apache.fontbox")) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
        try (ApplicationReader reader = new ApplicationReader(options(args));
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            ApplicationFilesReader read = wrap.apply(reader);
            warmUp(reader);
            answer(protocol, "{\"ready\":true}");
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                answer(protocol, handle(line, read, reader));
            }
            return 0;
        } catch (Exception e) {
            System.err.println("read-worker: " + e);
            return 1;
        }
    }

    /**
     * Ends this process when the one that started it is gone (a server killed with {@code kill -9}):
     * a child busy in a runaway parse would not notice the end of its input.
     */
    private static void watchParent() {
        ProcessHandle.current().parent().ifPresent(parent -> Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        }));
    }

    /**
     * Reads a small workbook and PDF of its own before saying it is ready: the first file a JVM reads
     * loads POI, PDFBox and Tika (seconds on a busy machine), which would otherwise count against the
     * first real file's time bound. A child is started ahead of need, so this is off the review's path.
     */
    static void warmUp(ApplicationReader reader) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shinsa-reader-warm-up-");
            Path xlsx = dir.resolve("warm-up.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
                var row = wb.createSheet("貸借対照表").createRow(0);
                row.createCell(0).setCellValue("現金預金");
                row.createCell(1).setCellValue(1000);
                wb.write(out);
            }
            Path pdf = dir.resolve("warm-up.pdf");
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text.newLineAtOffset(72, 720);
                    text.showText("Balance sheet 1000");
                    text.endText();
                }
                doc.save(pdf.toFile());
            }
            reader.read("warm-up", List.of(xlsx, pdf));
        } catch (IOException | RuntimeException e) {
            System.err.println("read-worker: warm-up failed (" + e + "); reading anyway");
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temp dir left behind
                }
            }
        }
    }

    private static String handle(String line, ApplicationFilesReader read, ApplicationReader reader) {
        try {
            JsonNode request = JSON.readTree(line);
            List<Path> files = new ArrayList<>();
            request.get("files").forEach(f -> files.add(Path.of(f.asString())));
            ExtractedApplication app = read.read(request.get("name").asString(), files);
            return "{\"abandoned\":" + reader.abandonedReads() + "}\n" + ExtractionJson.write(app);
        } catch (RuntimeException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("error", e.toString());
            return JSON.writeValueAsString(error);
        }
    }

    private static void answer(PrintStream protocol, String json) {
        protocol.print(json);
        protocol.print('\n');
        protocol.flush();
    }
}
