package jp.shinsa.review.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workbench that was killed (SIGKILL, the kernel's out-of-memory killer, a power-cut container)
 * leaves its embedded PostgreSQL running: the postmaster is started by {@code pg_ctl} and does not die
 * with the JVM. That server still holds the data directory, so the next start would fail with
 * "lock file postmaster.pid already exists". This stops such an orphan before the embedded server
 * starts — and only an orphan: the live workbench of a data directory holds the embedded server's
 * lock file ({@code epg-lock}), and then nothing is touched.
 */
final class OrphanedPostmaster {
    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The lock file zonky's EmbeddedPostgres holds while its server runs. */
    private static final String EMBEDDED_LOCK = "epg-lock";

    private OrphanedPostmaster() {
    }

    /** Stops the postmaster of {@code pgData} when it runs without a workbench; returns whether one was stopped. */
    static boolean stopIfAny(Path pgData) throws IOException {
        Optional<ProcessHandle> postmaster = PostmasterPid.of(pgData).map(PostmasterPid.Running::process);
        if (postmaster.isEmpty()) {
            return false;
        }
        Path lockFile = pgData.resolve(EMBEDDED_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IOException("the database in " + pgData + " is in use by another running workbench");
            }
            ProcessHandle p = postmaster.get();
            log.warn("PostgreSQL (pid {}) on {} was left running by a workbench that did not shut down; stopping it",
                    p.pid(), pgData);
            // SIGTERM is PostgreSQL's smart shutdown; the old workbench's sessions died with it.
            p.destroy();
            if (!waitFor(p, 30)) {
                log.warn("PostgreSQL (pid {}) did not stop within 30 s; killing it (it recovers from its WAL)", p.pid());
                p.destroyForcibly();
                waitFor(p, 10);
            }
            return true;
        }
    }

    /** Null when another process, or this JVM's own running server, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static boolean waitFor(ProcessHandle p, int seconds) {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
