package jp.shinsa.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.shinsa.review.cli.CliModels;
import jp.shinsa.review.pipeline.ContractJson;
import jp.shinsa.review.pipeline.ReviewPipeline;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * {@code ./shinsa bench --ratio [--dir PARENT] [--passes N]}: the whole review of an application
 * against merely reading its files, in the same JVM, on the same files, one thread. "Reading" is
 * plain PDFBox text extraction ({@link PDFTextStripper}) of every PDF, every cell of every workbook
 * formatted by POI ({@link DataFormatter}) and every CSV's text. After one warm-up pass of each,
 * {@code N} passes of each alternate over every application folder; the ratio is that of the
 * medians of the per-pass totals. Default directory: {@code ../shared/corpus/dev}.
 */
public final class RatioBench {
    private RatioBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Path.of("../shared/corpus/dev");
        int passes = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ratio" -> { }
                case "--dir" -> dir = Path.of(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> {
                    err.println("usage: ./shinsa bench --ratio [--dir PARENT] [--passes N]");
                    return 2;
                }
            }
        }
        List<Path> folders = folders(dir);
        if (folders.isEmpty()) {
            err.println("bench --ratio: no application folders under " + dir);
            return 2;
        }
        ReviewPipeline pipeline = CliModels.pipeline(err);
        long sink = readAll(folders) + reviewAll(pipeline, folders);
        double[] read = new double[passes];
        double[] review = new double[passes];
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            sink += readAll(folders);
            long t1 = System.nanoTime();
            sink += reviewAll(pipeline, folders);
            long t2 = System.nanoTime();
            read[p] = (t1 - t0) / 1e6 / folders.size();
            review[p] = (t2 - t1) / 1e6 / folders.size();
            err.printf(Locale.ROOT, "pass %d: read %.1f ms/app, review %.1f ms/app%n", p + 1, read[p], review[p]);
        }
        double readMs = median(read);
        double reviewMs = median(review);
        out.printf(Locale.ROOT, "{\"applications\": %d, \"passes\": %d, \"plain_read_ms_per_app\": %.1f, "
                        + "\"review_ms_per_app\": %.1f, \"ratio\": %.2f, \"source\": \"%s\", \"check\": %d}%n",
                folders.size(), passes, readMs, reviewMs, reviewMs / readMs, dir, sink & 1);
        return 0;
    }

    private static long reviewAll(ReviewPipeline pipeline, List<Path> folders) {
        long n = 0;
        for (Path f : folders) {
            n += ContractJson.toJsonLine(pipeline.review(f, null)).length();
        }
        return n;
    }

    /** Plain reading of every file of every folder; returns the characters read (so nothing is optimised away). */
    static long readAll(List<Path> folders) throws IOException {
        long n = 0;
        DataFormatter format = new DataFormatter();
        for (Path folder : folders) {
            for (Path file : files(folder)) {
                try {
                    n += read(file, format);
                } catch (IOException | RuntimeException e) {
                    // encrypted or corrupt on purpose (the review reports it as unreadable): the try is counted
                }
            }
        }
        return n;
    }

    private static long read(Path file, DataFormatter format) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        long n = 0;
        if (name.endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                n += new PDFTextStripper().getText(doc).length();
            }
        } else if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            n += format.formatCellValue(cell).length();
                        }
                    }
                }
            }
        } else if (name.endsWith(".csv")) {
            n += Files.readString(file, StandardCharsets.UTF_8).length();
        }
        return n;
    }

    private static List<Path> folders(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (var s = Files.list(parent)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals("truth")).sorted().toList();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
