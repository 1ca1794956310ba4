package jp.shinsa.review.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.review.cli.FuzzRunner.Outcome;
import jp.shinsa.review.cli.FuzzRunner.Result;
import jp.shinsa.review.cli.FuzzSeeds.Kind;
import jp.shinsa.review.pipeline.ChildJvmApplicationReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./shinsa fuzz [--count N] [--seed S] [--only I] [--time-per-file SECONDS] [--threads N]
 * [--out DIR] [--keep-failures] [--isolation on|off]}: mutated copies of the demo PDFs, XLSX and CSV
 * read by ingest's {@link ApplicationReader#readFile}, each alone in a worker process as the workbench
 * reads (or in this JVM with {@code --isolation off}), one outcome per file (see {@link FuzzRunner.Outcome}). File
 * {@code i} depends only on the seed and {@code i}, so {@code --seed S --only I} reproduces one
 * failure alone. Exit 0 only when no file crashed and none hung. OCR is off: a mutant that loses its
 * text layer would otherwise spend its time in Tesseract, which is not what is being fuzzed. While
 * the files are read, a {@link ResponsivenessProbe} measures how late this JVM answers a small call.
 */
public final class FuzzCommand {
    static final long DEFAULT_SEED = 20261201L;
    static final int DEFAULT_COUNT = 1000;
    /** Demo packages the seeds come from: 5 workbooks each, each also printed as a PDF. */
    static final int SEED_PACKAGES = 4;
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** With worker processes: the time a fresh child may take to start (after a kill) is not a hang. */
    private static final Duration CHILD_START = Duration.ofSeconds(30);
    private static final Duration PROBE_PERIOD = Duration.ofMillis(100);
    private static final String USAGE = "usage: ./shinsa fuzz [--count N] [--seed S] [--only I[,I...]] [--time-per-file SECONDS] "
            + "[--threads N] [--out DIR] [--keep-failures] [--isolation on|off]";

    private FuzzCommand() {
    }

    /** Made once per JVM (a few seconds of POI and PDFBox): every run of the same seed sees the same files. */
    private static final class DemoSeeds {
        static final FuzzSeeds SEEDS = FuzzSeeds.fromDemoPackages(SEED_PACKAGES);
    }

    /** Parsed arguments. */
    record Options(int count, long seed, List<Integer> only, Duration timePerFile, int threads, Path out, boolean keepFailures,
                   boolean isolation) {
        static Options parse(String[] args) {
            int count = DEFAULT_COUNT;
            long seed = DEFAULT_SEED;
            List<Integer> only = List.of();
            Duration time = Duration.ofSeconds(20);
            int threads = 2;
            Path out = Path.of("fuzz-out");
            boolean keep = false;
            boolean isolation = true;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if ("--keep-failures".equals(a)) {
                    keep = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--count" -> count = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--only" -> only = java.util.Arrays.stream(v.split(",")).map(String::strip).map(Integer::valueOf).toList();
                    case "--time-per-file" -> time = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--out" -> out = Path.of(v);
                    case "--isolation" -> isolation = !"off".equals(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (count < 1 || threads < 1 || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("count, threads and time per file must be positive");
            }
            return new Options(count, seed, only, time, threads, out, keep, isolation);
        }

        List<Integer> indexes() {
            return only.isEmpty() ? IntStream.range(0, count).boxed().toList() : only;
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("fuzz: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        // PDFBox and POI log each repaired xref or bad part at WARN/ERROR: thousands of lines around the table.
        if (org.slf4j.LoggerFactory.getLogger("org.apache") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        IngestOptions ingest = IngestOptions.defaults().withOcr(false).withTimePerFile(o.timePerFile());
        try {
            if (o.isolation()) {
                // each file alone in a child of the pool, as the workbench reads it (decision 016)
                ChildJvmApplicationReader reader = new ChildJvmApplicationReader(ChildJvmApplicationReader.Settings.of(ingest, o.threads())
                        .withSlack(Duration.ofSeconds(5)));
                return run(o, f -> reader.read(f.getFileName().toString(), List.of(f)).documents().get(0), reader, out, err);
            }
            ApplicationReader reader = new ApplicationReader(ingest);
            return run(o, reader::readFile, reader, out, err);
        } catch (IOException e) {
            err.println("fuzz: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("fuzz: interrupted");
            return 1;
        }
    }

    /** The run against any target (tests hand in targets that throw or hang). */
    static int run(Options o, FuzzRunner.Target target, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        return run(o, target, () -> {
        }, out, err);
    }

    /** @param reader closed once every file has its outcome, before what it left running is counted */
    static int run(Options o, FuzzRunner.Target target, AutoCloseable reader, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        FuzzMutator mutator = new FuzzMutator(DemoSeeds.SEEDS, o.seed());
        Files.createDirectories(o.out());
        Path work = Files.createTempDirectory(o.out().toAbsolutePath(), "work-");
        List<Integer> indexes = o.indexes();
        Duration grace = o.isolation() ? GRACE.plus(CHILD_START) : GRACE;
        out.printf(Locale.ROOT, "fuzz: %d files, seed %d, %s s per file (+%d s grace), %d threads, OCR off, reading %s%n",
                indexes.size(), o.seed(), seconds(o.timePerFile()), grace.toSeconds(), o.threads(),
                o.isolation() ? "in worker processes" : "in process");
        FuzzRunner runner = new FuzzRunner(target, o.timePerFile().plus(grace), o.threads(), work);
        ResponsivenessProbe probe = new ResponsivenessProbe(PROBE_PERIOD);
        int[] doneCount = {0};
        List<Result> results = runner.run(indexes, mutator::mutate, r -> {
            doneCount[0]++;
            if (r.outcome() == Outcome.CRASH || r.outcome() == Outcome.HANG) {
                out.printf(Locale.ROOT, "%s  seed %d index %d (%s from %s: %s)%n    %s%n    rerun: ./shinsa fuzz --seed %d --only %d --keep-failures%n",
                        r.outcome(), o.seed(), r.index(), r.mutant().kind(), r.mutant().seedName(), r.mutant().mutations(),
                        r.detail(), o.seed(), r.index());
            }
            if (doneCount[0] % 100 == 0) {
                err.printf(Locale.ROOT, "fuzz: %d/%d%n", doneCount[0], indexes.size());
            }
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        ResponsivenessProbe.Figures responsive = probe.stop();
        try {
            reader.close();
        } catch (Exception e) {
            err.println("fuzz: closing the reader: " + e);
        }
        List<String> busy = busyReaderThreads(Duration.ofSeconds(5));
        long children = childrenLeft(Duration.ofSeconds(5));
        deleteQuietly(work);
        Summary s = Summary.of(results);
        out.print(s.table(wall));
        out.printf(Locale.ROOT, "reader threads still busy after the run: %d%n", busy.size());
        busy.forEach(b -> out.println("  " + b));
        out.printf(Locale.ROOT, "reader processes still running after the run: %d%n", children);
        out.println(responsive.line());
        Path report = writeReports(o, results, s, wall, busy, children, responsive);
        if (o.keepFailures()) {
            Path dir = Files.createDirectories(o.out().resolve("failures"));
            for (Result r : results) {
                // files stopped by the reader's own bound are kept too: the slow inputs worth a look
                if (r.outcome() == Outcome.CRASH || r.outcome() == Outcome.HANG || timedOut(r)) {
                    Files.write(dir.resolve(String.format(Locale.ROOT, "seed%d-%s", o.seed(), r.mutant().fileName())), r.mutant().bytes());
                }
            }
        }
        out.println("report: " + report);
        return s.failures() == 0 ? 0 : 1;
    }

    /** Counts per seed type and outcome, and times. */
    record Summary(Map<Kind, Map<Outcome, Integer>> counts, Map<Kind, long[]> millis, Map<Kind, Integer> timeouts,
                   Map<String, Integer> reasons) {
        static Summary of(List<Result> results) {
            Map<Kind, Map<Outcome, Integer>> counts = new EnumMap<>(Kind.class);
            Map<Kind, List<Long>> times = new EnumMap<>(Kind.class);
            Map<Kind, Integer> timeouts = new EnumMap<>(Kind.class);
            Map<String, Integer> reasons = new TreeMap<>();
            for (Result r : results) {
                Kind k = r.mutant().kind();
                counts.computeIfAbsent(k, x -> new EnumMap<>(Outcome.class)).merge(r.outcome(), 1, Integer::sum);
                times.computeIfAbsent(k, x -> new ArrayList<>()).add(r.millis());
                if (r.outcome() == Outcome.REPORTED) {
                    if (timedOut(r)) {
                        timeouts.merge(k, 1, Integer::sum);
                    }
                    reasons.merge(reasonKind(r.detail()), 1, Integer::sum);
                }
            }
            Map<Kind, long[]> millis = new EnumMap<>(Kind.class);
            times.forEach((k, v) -> millis.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
            return new Summary(counts, millis, timeouts, reasons);
        }

        int count(Outcome o) {
            return counts.values().stream().mapToInt(m -> m.getOrDefault(o, 0)).sum();
        }

        int failures() {
            return count(Outcome.CRASH) + count(Outcome.HANG);
        }

        long[] allMillis() {
            return millis.values().stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        }

        String table(double wallSeconds) {
            StringBuilder b = new StringBuilder();
            String fmt = "%-6s %6s %6s %9s %9s %6s %5s %9s %9s%n";
            b.append(String.format(Locale.ROOT, fmt, "type", "files", "READ", "REPORTED", "(timeout)", "CRASH", "HANG", "p95 ms", "max ms"));
            for (Kind k : counts.keySet()) {
                b.append(row(fmt, k.name(), counts.get(k), timeouts.getOrDefault(k, 0), millis.get(k)));
            }
            Map<Outcome, Integer> all = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                all.put(o, count(o));
            }
            b.append(row(fmt, "all", all, timeouts.values().stream().mapToInt(Integer::intValue).sum(), allMillis()));
            b.append(String.format(Locale.ROOT, "total %.1f s%n", wallSeconds));
            b.append("reported reasons:\n");
            reasons.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(15)
                    .forEach(e -> b.append(String.format(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey())));
            return b.toString();
        }

        private static String row(String fmt, String name, Map<Outcome, Integer> c, int timeouts, long[] ms) {
            int files = c.values().stream().mapToInt(Integer::intValue).sum();
            return String.format(Locale.ROOT, fmt, name, files, c.getOrDefault(Outcome.READ, 0), c.getOrDefault(Outcome.REPORTED, 0),
                    timeouts, c.getOrDefault(Outcome.CRASH, 0), c.getOrDefault(Outcome.HANG, 0), p95(ms), ms.length == 0 ? 0 : ms[ms.length - 1]);
        }

        static long p95(long[] sorted) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
        }

        /** A reason without its specifics (offsets, sizes), so like failures count together. */
        static String reasonKind(String reason) {
            String r = reason.replaceAll("\\d+", "N");
            return r.length() > 90 ? r.substring(0, 90) + "…" : r;
        }
    }

    /**
     * Reader threads still running once every file has its outcome (after waiting up to {@code wait}):
     * a file stopped by the time bound whose parse goes on in the background, burning a core. The
     * reader cannot stop such a thread, so the fuzzer shows where it is.
     */
    static List<String> busyReaderThreads(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        List<String> busy;
        do {
            busy = new ArrayList<>();
            for (var e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (t.getName().startsWith("shinsa-ingest-") && t.getState() == Thread.State.RUNNABLE && e.getValue().length > 0) {
                    busy.add(t.getName() + " at " + e.getValue()[0]);
                }
            }
            if (busy.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < until);
        return busy;
    }

    /** Child processes of this one still alive (after waiting up to {@code wait}): reader processes not stopped. */
    static long childrenLeft(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        long n;
        do {
            n = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
            if (n == 0) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < until);
        return n;
    }

    private static Path writeReports(Options o, List<Result> results, Summary s, double wall, List<String> busy, long children,
                                     ResponsivenessProbe.Figures responsive) throws IOException {
        StringBuilder csv = new StringBuilder("index,type,seed_file,outcome,millis,mutations,detail\n");
        for (Result r : results) {
            csv.append(r.index()).append(',').append(r.mutant().kind()).append(',').append(r.mutant().seedName()).append(',')
                    .append(r.outcome()).append(',').append(r.millis()).append(',').append(quote(r.mutant().mutations())).append(',')
                    .append(quote(r.detail())).append('\n');
        }
        Files.writeString(o.out().resolve("fuzz-results.csv"), csv, StandardCharsets.UTF_8);

        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("seed", o.seed());
        root.put("files", results.size());
        root.put("timePerFileSeconds", o.timePerFile().toMillis() / 1000.0);
        root.put("graceSeconds", GRACE.toSeconds());
        root.put("threads", o.threads());
        root.put("ocr", false);
        root.put("wallSeconds", Math.round(wall * 10) / 10.0);
        root.put("busyReaderThreadsAfterRun", busy.size());
        root.put("reading", o.isolation() ? "worker processes" : "in process");
        root.put("readerProcessesAfterRun", children);
        ObjectNode probe = root.putObject("responsivenessProbe");
        probe.put("periodMillis", PROBE_PERIOD.toMillis());
        probe.put("probes", responsive.probes());
        probe.put("p50Millis", responsive.p50());
        probe.put("p99Millis", responsive.p99());
        probe.put("maxMillis", responsive.max());
        probe.put("over1s", responsive.slow());
        ObjectNode totals = root.putObject("outcomes");
        for (Outcome out : Outcome.values()) {
            totals.put(out.name(), s.count(out));
        }
        long[] all = s.allMillis();
        root.put("p95Millis", Summary.p95(all));
        root.put("maxMillis", all.length == 0 ? 0 : all[all.length - 1]);
        ObjectNode byType = root.putObject("byType");
        for (Kind k : s.counts().keySet()) {
            ObjectNode t = byType.putObject(k.name());
            for (Outcome out : Outcome.values()) {
                t.put(out.name(), s.counts().get(k).getOrDefault(out, 0));
            }
            long[] ms = s.millis().get(k);
            t.put("timeouts", s.timeouts().getOrDefault(k, 0));
            t.put("p95Millis", Summary.p95(ms));
            t.put("maxMillis", ms[ms.length - 1]);
        }
        Map<String, Integer> reasons = new LinkedHashMap<>();
        s.reasons().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(e -> reasons.put(e.getKey(), e.getValue()));
        ObjectNode rs = root.putObject("reportedReasons");
        reasons.forEach(rs::put);
        ArrayNode failures = root.putArray("failures");
        for (Result r : results) {
            if (r.outcome() == Outcome.CRASH || r.outcome() == Outcome.HANG) {
                ObjectNode f = failures.addObject();
                f.put("index", r.index());
                f.put("outcome", r.outcome().name());
                f.put("type", r.mutant().kind().name());
                f.put("seedFile", r.mutant().seedName());
                f.put("mutations", r.mutant().mutations());
                f.put("millis", r.millis());
                f.put("detail", r.detail());
                f.put("rerun", "./shinsa fuzz --seed " + o.seed() + " --only " + r.index() + " --keep-failures");
            }
        }
        Path report = o.out().resolve("fuzz-report.json");
        Files.writeString(report, json.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
        return report;
    }

    static boolean timedOut(Result r) {
        return r.outcome() == Outcome.REPORTED && r.detail().startsWith("reading took longer than");
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"").replaceAll("[\\r\\n]+", " ") + '"';
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a file a hung read still holds open stays behind; nothing to do about it here
        }
    }
}
