package jp.shinsa.review.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import jp.shinsa.models.ExtractedDocument;

/**
 * Reads fuzz files on a small pool and classifies each outcome. The reader promises to come back
 * with a document, read or unreadable with a reason, within its per-file bound; anything else is a
 * failure. The runner measures time itself, from its own thread, so a reader whose bound does not
 * hold is caught as a HANG rather than waited for: the stuck call is abandoned (interrupted, its
 * thread left to finish or not) and a fresh thread takes its slot.
 */
final class FuzzRunner {
    enum Outcome {
        /** Read: the reader returned a readable document. */
        READ,
        /** The reader returned an unreadable document with a reason (a timeout by its own bound included). */
        REPORTED,
        /** Anything thrown out of the reader, or an unreadable document without a reason. */
        CRASH,
        /** The call did not return within the bound plus grace, measured by the runner. */
        HANG
    }

    /** What is fuzzed: the reader's {@code readFile}, or a stand-in in tests. */
    @FunctionalInterface
    interface Target {
        ExtractedDocument read(Path file) throws Exception;
    }

    record Result(FuzzMutator.Mutant mutant, Outcome outcome, long millis, String detail) {
        int index() {
            return mutant.index();
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Target target;
    private final Duration hangAfter;
    private final int threads;
    private final Path workDir;

    /**
     * @param hangAfter the reader's own per-file bound plus grace: a call running longer is a HANG
     * @param workDir   where each fuzz file is written while it is read (deleted afterwards)
     */
    FuzzRunner(Target target, Duration hangAfter, int threads, Path workDir) {
        this.target = target;
        this.hangAfter = hangAfter;
        this.threads = Math.max(1, threads);
        this.workDir = workDir;
    }

    /** Runs every index (files made by {@code make}), reporting each result as it comes; results in index order. */
    List<Result> run(List<Integer> indexes, IntFunction<FuzzMutator.Mutant> make, Consumer<Result> progress) throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            // Big stacks as in the reader: a deep structure should meet the reader's limits, not the fuzzer's.
            Thread t = new Thread(null, r, "shinsa-fuzz-" + THREADS.incrementAndGet(), 16L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Result> done = new ExecutorCompletionService<>(pool);
        Map<Future<Result>, FuzzMutator.Mutant> running = new HashMap<>();
        Map<Integer, Long> started = new ConcurrentHashMap<>();
        Map<Integer, Result> results = new HashMap<>();
        Iterator<Integer> next = indexes.iterator();
        try {
            while (next.hasNext() || !running.isEmpty()) {
                while (running.size() < threads && next.hasNext()) {
                    FuzzMutator.Mutant m = make.apply(next.next());
                    running.put(done.submit(() -> readOne(m, started)), m);
                }
                Future<Result> f = done.poll(50, TimeUnit.MILLISECONDS);
                if (f != null) {
                    FuzzMutator.Mutant m = running.remove(f);
                    if (m != null) {
                        Result r = collect(f, m, started);
                        results.put(m.index(), r);
                        progress.accept(r);
                    }
                }
                long now = System.nanoTime();
                for (Iterator<Map.Entry<Future<Result>, FuzzMutator.Mutant>> it = running.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    Long t0 = started.get(e.getValue().index());
                    if (t0 != null && now - t0 > hangAfter.toNanos()) {
                        it.remove();
                        e.getKey().cancel(true);
                        Result r = new Result(e.getValue(), Outcome.HANG, (now - t0) / 1_000_000,
                                "no answer after " + hangAfter.toSeconds() + " s (abandoned)");
                        results.put(e.getValue().index(), r);
                        progress.accept(r);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Result> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(results.get(i));
        }
        return out;
    }

    private static Result collect(Future<Result> f, FuzzMutator.Mutant m, Map<Integer, Long> started) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // the fuzzer's own part failed (writing the file): shown as a crash so the run cannot pass
            return new Result(m, Outcome.CRASH, 0, "fuzzer: " + describe(e.getCause()));
        } catch (CancellationException | InterruptedException e) {
            return new Result(m, Outcome.HANG, 0, "cancelled");
        }
    }

    private Result readOne(FuzzMutator.Mutant m, Map<Integer, Long> started) throws IOException {
        Path file = workDir.resolve(m.fileName());
        Files.write(file, m.bytes());
        long t0 = System.nanoTime();
        started.put(m.index(), t0);
        try {
            ExtractedDocument d = target.read(file);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (d == null) {
                return new Result(m, Outcome.CRASH, ms, "reader returned null");
            }
            if (d.readable()) {
                return new Result(m, Outcome.READ, ms, d.type().name());
            }
            if (d.error().isBlank()) {
                return new Result(m, Outcome.CRASH, ms, "unreadable without a reason");
            }
            return new Result(m, Outcome.REPORTED, ms, d.error());
        } catch (Throwable t) {
            // Errors included: StackOverflowError or OutOfMemoryError escaping the reader is exactly what is looked for
            return new Result(m, Outcome.CRASH, (System.nanoTime() - t0) / 1_000_000, describe(t));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Class, message and the first frames: enough to find the line without the file. */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            String msg = t.getMessage().replaceAll("\\s+", " ");
            b.append(": ").append(msg.length() > 200 ? msg.substring(0, 200) + "…" : msg);
        }
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(5, st.length); i++) {
            b.append(" | at ").append(st[i]);
        }
        return b.toString();
    }
}
