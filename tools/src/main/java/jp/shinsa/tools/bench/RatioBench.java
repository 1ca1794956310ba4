package jp.shinsa.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * medians of the per-pass totals. Beside the wall-clock ratio (the headline) it prints the median of
 * the passes' own ratios, and that of the CPU time the two halves used (summed over the threads
 * that did the work, the ingest pool's included; and of the whole process, with the garbage
 * collector and the JIT compiler), which other load on the machine changes less; and the
 * collectors' time. Default directory: {@code ../shared/corpus/dev}.
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
        double[] readCpu = new double[passes];
        double[] reviewCpu = new double[passes];
        double[] readProcess = new double[passes];
        double[] reviewProcess = new double[passes];
        double[] readGc = new double[passes];
        double[] reviewGc = new double[passes];
        int apps = folders.size();
        for (int p = 0; p < passes; p++) {
            Cpu c0 = Cpu.now();
            long t0 = System.nanoTime();
            sink += readAll(folders);
            long t1 = System.nanoTime();
            Cpu c1 = Cpu.now();
            sink += reviewAll(pipeline, folders);
            long t2 = System.nanoTime();
            Cpu c2 = Cpu.now();
            read[p] = (t1 - t0) / 1e6 / apps;
            review[p] = (t2 - t1) / 1e6 / apps;
            readCpu[p] = c1.threadsSince(c0) / 1e6 / apps;
            reviewCpu[p] = c2.threadsSince(c1) / 1e6 / apps;
            readProcess[p] = (c1.process - c0.process) / 1e6 / apps;
            reviewProcess[p] = (c2.process - c1.process) / 1e6 / apps;
            readGc[p] = (double) (c1.gcMillis - c0.gcMillis) / apps;
            reviewGc[p] = (double) (c2.gcMillis - c1.gcMillis) / apps;
            err.printf(Locale.ROOT, "pass %d: read %.1f ms/app (CPU %.1f), review %.1f ms/app (CPU %.1f)%n",
                    p + 1, read[p], readCpu[p], review[p], reviewCpu[p]);
        }
        double readMs = median(read);
        double reviewMs = median(review);
        double readCpuMs = median(readCpu);
        double reviewCpuMs = median(reviewCpu);
        // the two halves of one pass share the machine's load: the median of the passes' own ratios moves less
        double[] passRatio = new double[passes];
        double[] passCpuRatio = new double[passes];
        double[] passProcessRatio = new double[passes];
        for (int p = 0; p < passes; p++) {
            passRatio[p] = review[p] / read[p];
            passCpuRatio[p] = reviewCpu[p] / readCpu[p];
            passProcessRatio[p] = reviewProcess[p] / readProcess[p];
        }
        out.printf(Locale.ROOT, "{\"applications\": %d, \"passes\": %d, \"plain_read_ms_per_app\": %.1f, "
                        + "\"review_ms_per_app\": %.1f, \"ratio\": %.2f, \"pass_ratio_median\": %.2f, "
                        + "\"plain_read_cpu_ms_per_app\": %.1f, \"review_cpu_ms_per_app\": %.1f, \"cpu_ratio\": %.2f, "
                        + "\"plain_read_process_cpu_ms_per_app\": %.1f, \"review_process_cpu_ms_per_app\": %.1f, "
                        + "\"process_cpu_ratio\": %.2f, \"plain_read_gc_ms_per_app\": %.1f, \"review_gc_ms_per_app\": %.1f, "
                        + "\"source\": \"%s\", \"check\": %d}%n",
                apps, passes, readMs, reviewMs, reviewMs / readMs, median(passRatio), readCpuMs, reviewCpuMs,
                median(passCpuRatio), median(readProcess), median(reviewProcess), median(passProcessRatio),
                median(readGc), median(reviewGc), dir, sink & 1);
        return 0;
    }

    /**
     * CPU time used so far: by each live Java thread (the bench's own and the ingest pool's, which
     * reads the review's files) and by the whole process (also the garbage collector, the JIT
     * compiler and native threads); and the collectors' accumulated collection time. Unlike wall time it hardly grows when other processes share the
     * cores, so the ratio of the two halves' CPU times is a figure that holds under load.
     */
    private record Cpu(Map<Long, Long> threads, long process, long gcMillis) {
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

        static Cpu now() {
            Map<Long, Long> t = new HashMap<>();
            for (long id : MX.getAllThreadIds()) {
                long ns = MX.getThreadCpuTime(id);
                if (ns >= 0) {
                    t.put(id, ns);
                }
            }
            long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
            long gc = 0;
            for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
            }
            return new Cpu(t, process, gc);
        }

        /** CPU time the threads alive now used since {@code before} (a thread that ended meanwhile is not counted). */
        long threadsSince(Cpu before) {
            long sum = 0;
            for (var e : threads.entrySet()) {
                sum += e.getValue() - before.threads.getOrDefault(e.getKey(), 0L);
            }
            return sum;
        }
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

    /** The plain reading of one file (PDFBox text, POI cells, CSV text); the characters read. Also {@code bench --stages}'. */
    public static long read(Path file, DataFormatter format) throws IOException {
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
