package jp.shinsa.review.api;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.shinsa.review.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries of API reads, appended in batches: every read is recorded, but up to
 * {@value #MAX_BATCH} of them share one transaction (one commit, one flush to disk) instead of each
 * read waiting for its own turn on the hash chain, which is serialised. A read changes nothing, so
 * the entry may follow the answer by up to {@value #MAX_DELAY_MS} ms; at worst a crash loses that
 * much of the read log. Everything that changes something (submissions, refusals, tokens) is still
 * recorded in the same transaction as the change. When the queue is full, reads are recorded
 * synchronously rather than dropped.
 */
@Component
class ApiReadAudit {
    private static final Logger log = LoggerFactory.getLogger(ApiReadAudit.class);
    static final int MAX_BATCH = 500;
    static final long MAX_DELAY_MS = 200;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(50_000);
    private final Thread writer;
    private volatile boolean running = true;

    private record Entry(String actor, String action, Long applicationId, Map<String, ?> detail) {
    }

    ApiReadAudit(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
        this.writer = Thread.ofPlatform().daemon().name("api-read-audit").start(this::loop);
    }

    void record(String actor, String action, Long applicationId, Map<String, ?> detail) {
        Entry e = new Entry(actor, action, applicationId, detail);
        if (!running || !queue.offer(e)) {
            audit.record(actor, action, applicationId, detail);
        }
    }

    /** Writes everything queued so far (tests, shutdown). */
    synchronized void flush() {
        List<Entry> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void loop() {
        while (running) {
            try {
                Entry first = queue.poll(MAX_DELAY_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                synchronized (this) {
                    List<Entry> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("could not append API read entries to the audit log", e);
            }
        }
    }

    private void write(List<Entry> batch) {
        try {
            tx.executeWithoutResult(s -> batch.forEach(e -> audit.record(e.actor(), e.action(), e.applicationId(),
                    e.detail())));
        } catch (RuntimeException batchFailed) {
            // One bad entry must not take the others with it: retry them one by one.
            for (Entry e : batch) {
                try {
                    audit.record(e.actor(), e.action(), e.applicationId(), e.detail());
                } catch (RuntimeException failed) {
                    log.error("lost the audit entry {} {} of {}", e.action(), e.applicationId(), e.actor(), failed);
                }
            }
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(5000);
        flush();
    }
}
