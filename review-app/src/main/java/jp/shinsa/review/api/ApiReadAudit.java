package jp.shinsa.review.api;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.shinsa.review.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries of API reads, by group commit: {@link #record} returns only once the entry is
 * committed, so no answer leaves the server without its audit entry — a crash loses none. The
 * entries of reads that arrive together share one transaction (one commit, one flush to disk, up to
 * {@value #MAX_BATCH} entries) instead of each read waiting for its own turn on the hash chain, which
 * is serialised. There is no waiting period: a batch is whatever queued while the previous one was
 * being committed. A read whose entry cannot be written fails rather than being answered unaudited.
 */
@Component
class ApiReadAudit {
    private static final Logger log = LoggerFactory.getLogger(ApiReadAudit.class);
    static final int MAX_BATCH = 500;
    /** How long a read waits for its entry before it is written on the caller's own thread. */
    private static final long WAIT_SECONDS = 10;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(10_000);
    private final Thread writer;
    private volatile boolean running = true;

    private record Entry(String actor, String action, Long applicationId, Map<String, ?> detail,
                         CompletableFuture<Void> written) {
    }

    ApiReadAudit(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
        this.writer = Thread.ofPlatform().daemon().name("api-read-audit").start(this::loop);
    }

    /** Appends the entry and returns once it is committed; throws when it could not be. */
    void record(String actor, String action, Long applicationId, Map<String, ?> detail) {
        Entry e = new Entry(actor, action, applicationId, detail, new CompletableFuture<>());
        if (!running || !queue.offer(e)) {
            writeOne(e);
            e.written().join();
            return;
        }
        try {
            e.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return;
        } catch (TimeoutException stuck) {
            // Taken by the writer already: it completes every entry it takes, so its outcome decides
            // (writing the entry here as well would record the read twice).
            boolean taken = !queue.remove(e);
            if (taken && !e.written().handle((ok, failed) -> failed != null).join()) {
                return;
            }
        } catch (ExecutionException failed) {
            // the writer could not write it, in its batch nor alone
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the audit entry was written", interrupted);
        }
        // Not written by the writer: written here, or the read fails.
        audit.record(actor, action, applicationId, detail);
    }

    /** Writes everything queued so far (shutdown). */
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
                Entry first = queue.poll(1, TimeUnit.SECONDS);
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
            batch.forEach(e -> e.written().complete(null));
        } catch (RuntimeException batchFailed) {
            // One bad entry must not take the others with it: retry them one by one.
            batch.forEach(this::writeOne);
        }
    }

    private void writeOne(Entry e) {
        try {
            audit.record(e.actor(), e.action(), e.applicationId(), e.detail());
            e.written().complete(null);
        } catch (RuntimeException failed) {
            log.error("could not write the audit entry {} {} of {}", e.action(), e.applicationId(), e.actor(), failed);
            e.written().completeExceptionally(failed);
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
