package jp.shinsa.review.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.Finding;
import jp.shinsa.review.pipeline.ContractJson;
import jp.shinsa.review.pipeline.ReviewPipeline;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./shinsa review}: the review contract's command line. One result per application; a file
 * that cannot be read is a finding, never a crash. Exits 0 when every application got a result, 1
 * when some could not be reviewed at all, 2 on wrong usage.
 */
public final class ReviewCommand {

    record Options(List<Path> dirs, Path batch, Path out, String program, boolean json) {
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("review: " + e.getMessage());
            err.println("usage: ./shinsa review DIR [DIR...] [--program CODE] [--json]");
            err.println("       ./shinsa review --batch PARENT --out FILE.jsonl");
            return 2;
        }
        List<Path> folders;
        try {
            folders = o.batch() != null ? subFolders(o.batch()) : o.dirs();
        } catch (IOException e) {
            err.println("review: cannot list " + o.batch() + ": " + e.getMessage());
            return 2;
        }
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                err.println("review: not a folder: " + f);
                return 2;
            }
        }
        ReviewPipeline pipeline = CliModels.pipeline(err);
        if (o.batch() != null) {
            return batch(pipeline, folders, o, err);
        }
        int failures = 0;
        for (Path folder : folders) {
            String line;
            try {
                ApplicationReview review = pipeline.review(folder, o.program());
                line = o.json() ? ContractJson.toJsonLine(review) : summary(review);
            } catch (RuntimeException e) {
                failures++;
                line = o.json() ? failureLine(folder, e) : folder.getFileName() + ": could not be reviewed: " + e;
            }
            out.println(line);
        }
        return failures == 0 ? 0 : 1;
    }

    private int batch(ReviewPipeline pipeline, List<Path> folders, Options o, PrintStream err) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        int failures = 0;
        Progress progress = new Progress(err, folders.size());
        try (BufferedWriter w = Files.newBufferedWriter(o.out(), StandardCharsets.UTF_8)) {
            List<Future<String>> futures = new ArrayList<>();
            for (Path folder : folders) {
                futures.add(pool.submit(() -> {
                    try {
                        return ContractJson.toJsonLine(pipeline.review(folder, o.program()));
                    } finally {
                        progress.step(done.incrementAndGet(), folder.getFileName().toString());
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                String line;
                try {
                    line = futures.get(i).get();
                } catch (Exception e) {
                    failures++;
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    err.println();
                    err.println("review: " + folders.get(i).getFileName() + " could not be reviewed: " + cause);
                    line = failureLine(folders.get(i), cause);
                }
                w.write(line);
                w.newLine();
            }
        } catch (IOException e) {
            err.println("review: cannot write " + o.out() + ": " + e.getMessage());
            return 2;
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        err.printf("reviewed %d applications into %s%s%n", folders.size(), o.out(),
                failures == 0 ? "" : " (" + failures + " failed)");
        return failures == 0 ? 0 : 1;
    }

    /** A contract-shaped line for an application that could not be reviewed at all. */
    private static String failureLine(Path folder, Throwable e) {
        ObjectNode n = JsonMapper.builder().build().createObjectNode();
        n.put("schemaVersion", ApplicationReview.SCHEMA_VERSION);
        n.put("application", folder.getFileName().toString());
        n.put("error", String.valueOf(e));
        n.putArray("documents");
        n.putArray("figures");
        n.putArray("findings");
        n.putArray("items");
        return n.toString();
    }

    static String summary(ApplicationReview r) {
        StringBuilder b = new StringBuilder();
        b.append(r.application().name()).append("  program=").append(r.program()).append('\n');
        r.application().documents().forEach(d -> b.append("  ").append(d.type()).append("  ").append(d.file())
                .append(d.error() == null ? "" : "  [" + d.error() + "]").append('\n'));
        b.append("  figures: ").append(r.application().figures().size()).append('\n');
        b.append("  findings: ").append(r.findings().size()).append('\n');
        for (Finding f : r.findings()) {
            b.append("    ").append(f.severity()).append(' ').append(f.code()).append("  ").append(f.message().ja())
                    .append('\n');
        }
        if (r.risk() != null) {
            b.append("  risk: ").append(String.format("%.1f %s", r.risk().score(), r.risk().band())).append('\n');
        }
        r.itemScores().forEach(s -> b.append("  item ").append(s.itemNo()).append(": fit ")
                .append(String.format("%.0f %s", s.purposeFit(), s.hint())).append('\n'));
        return b.toString().stripTrailing();
    }

    static Options parse(String[] args) {
        List<Path> dirs = new ArrayList<>();
        Path batch = null;
        Path out = null;
        String program = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--batch" -> batch = Path.of(value(args, ++i, "--batch"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--program" -> program = value(args, ++i, "--program");
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    dirs.add(Path.of(args[i]));
                }
            }
        }
        if (batch != null && out == null) {
            throw new IllegalArgumentException("--batch needs --out FILE.jsonl");
        }
        if (batch != null && !dirs.isEmpty()) {
            throw new IllegalArgumentException("give either --batch PARENT or folders, not both");
        }
        if (batch == null && dirs.isEmpty()) {
            throw new IllegalArgumentException("no application folder given");
        }
        return new Options(dirs, batch, out, program, json);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<Path> subFolders(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** A one-line progress bar on standard error. */
    static final class Progress {
        private final PrintStream err;
        private final int total;

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        synchronized void step(int done, String name) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            err.printf("\r[%s%s] %d/%d %s   ", "#".repeat(filled), ".".repeat(width - filled), done, total, name);
        }

        void finish() {
            err.println();
        }
    }
}
