package jp.shinsa.review.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.review.pipeline.ExtractionJson;

/**
 * Measures whether the process stays responsive while files are read: every {@code period} a thread
 * of its own does a small piece of the server's ordinary work (an extracted application written to
 * JSON and read back, as a stored review is) and records how long after its due time it finished.
 * A parse that eats the heap (collector pauses) or every core in this process shows as late probes;
 * one in a child process does not. Bounded: one probe at a time, until {@link #stop()}.
 */
final class ResponsivenessProbe {
    /** Latency figures in milliseconds over {@code probes} probes; {@code slow} took over a second. */
    record Figures(int probes, double p50, double p99, double max, int slow) {
        String line() {
            return String.format(Locale.ROOT, "responsiveness probe: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d over 1 s",
                    probes, p50, p99, max, slow);
        }
    }

    private final Duration period;
    private final List<Double> millis = new ArrayList<>();
    private final ExtractedApplication sample;
    private volatile boolean running = true;
    private final Thread thread;

    ResponsivenessProbe(Duration period) {
        this.period = period;
        List<ExtractedDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(ExtractedDocument.unreadable("probe-" + i + ".pdf", "probe document " + "あ".repeat(200)));
        }
        this.sample = new ExtractedApplication("probe", docs);
        this.thread = Thread.ofPlatform().daemon().name("fuzz-probe").start(this::loop);
    }

    private void loop() {
        long due = System.nanoTime();
        while (running) {
            due += period.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            ExtractionJson.read(ExtractionJson.write(sample));
            long done = System.nanoTime();
            synchronized (millis) {
                millis.add((done - due) / 1e6);
            }
            if (done - due > period.toNanos()) {
                due = done; // a late probe does not queue up the ones it missed
            }
        }
    }

    Figures stop() throws InterruptedException {
        running = false;
        thread.join(5_000);
        double[] sorted;
        synchronized (millis) {
            sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return new Figures(0, 0, 0, 0, 0);
        }
        int slow = (int) java.util.Arrays.stream(sorted).filter(m -> m > 1000).count();
        return new Figures(sorted.length, round(pct(sorted, 0.50)), round(pct(sorted, 0.99)), round(sorted[sorted.length - 1]), slow);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
