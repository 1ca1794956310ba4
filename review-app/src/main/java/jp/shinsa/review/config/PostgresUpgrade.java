package jp.shinsa.review.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Upgrades an embedded data directory made by the previous PostgreSQL major (its {@code PG_VERSION})
 * to the bundled one before the embedded server starts (decision 017). The old directory is never
 * written to except by its own server: both versions are started through zonky (which also runs them as
 * an unprivileged user when the workbench runs as root), the database is copied into a new directory
 * next to it ({@code pgdata-upgrading}) and checked table by table ({@link ClusterCopy}); only then is the
 * old directory renamed to {@code pgdata-<major>-backup-<UTC time>} and the new one put in its place.
 * When anything fails, the new directory is removed and the old one is left as it was, still usable by
 * the previous release. A start killed after the check but before the swap finishes the swap; one killed
 * earlier discards the half-made directory and upgrades again.
 */
public final class PostgresUpgrade {
    private static final Logger log = LoggerFactory.getLogger(PostgresUpgrade.class);
    /** In the new directory once its copy was checked: holds the name the old directory is to be kept under. */
    static final String VERIFIED_MARKER = "shinsa-upgrade-verified";
    static final String DEFAULT_MIGRATIONS = "classpath:db/migration";
    private static final Duration START_WAIT = Duration.ofMinutes(2);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private PostgresUpgrade() {
    }

    /** {@link #upgradeIfOlder(Path, String...)} with the application's migrations. */
    public static Optional<Path> upgradeIfOlder(Path pgData) throws IOException {
        return upgradeIfOlder(pgData, DEFAULT_MIGRATIONS);
    }

    /**
     * Upgrades {@code pgData} when the previous PostgreSQL major made it; returns where the old directory
     * is kept, or empty when there was nothing to upgrade. No server may be running on it.
     *
     * @throws IOException when it was made by a version this build cannot upgrade, or the upgrade failed
     *                     (then {@code pgData} is as it was)
     */
    public static Optional<Path> upgradeIfOlder(Path pgData, String... flywayLocations) throws IOException {
        Path next = sibling(pgData, "-upgrading");
        String found = pgVersion(pgData);
        boolean needed = found != null && !found.equals(BundledPostgres.major());
        if (!needed && !Files.exists(next)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(sibling(pgData, ".upgrade-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException("the database in " + pgData + " is being upgraded by another process");
            }
            Optional<Path> finished = finishEarlierAttempt(pgData, next);
            if (finished.isPresent()) {
                return finished;
            }
            if (!needed) {
                return Optional.empty();
            }
            if (!found.equals(BundledPostgres.previousMajor())) {
                throw new IOException("the database in " + pgData + " was made by PostgreSQL " + found + "; this build runs "
                        + "PostgreSQL " + BundledPostgres.major() + " and upgrades only from " + BundledPostgres.previousMajor()
                        + ". Nothing was changed (docs/decisions/017-embedded-postgresql-upgrade.md)");
            }
            return Optional.of(upgrade(pgData, next, flywayLocations));
        }
    }

    /** The major version that made the data directory ({@code PG_VERSION}), or null when there is none. */
    static String pgVersion(Path pgData) throws IOException {
        Path file = pgData.resolve("PG_VERSION");
        return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
    }

    private static Optional<Path> finishEarlierAttempt(Path pgData, Path next) throws IOException {
        if (!Files.isDirectory(next)) {
            return Optional.empty();
        }
        // A killed upgrade may have left its new server running.
        OrphanedPostmaster.stopIfAny(next);
        Path marker = next.resolve(VERIFIED_MARKER);
        if (Files.isRegularFile(marker)) {
            Path backup = pgData.resolveSibling(Files.readString(marker).strip());
            log.warn("finishing the upgrade of {} that was stopped after its copy was checked", pgData);
            swap(pgData, next, backup);
            return Optional.of(backup);
        }
        log.warn("removing {}, left by an upgrade that did not finish; upgrading again", next);
        FileSystemUtils.deleteRecursively(next);
        return Optional.empty();
    }

    private static Path upgrade(Path pgData, Path next, String... flywayLocations) throws IOException {
        String from = BundledPostgres.previousVersion();
        String to = BundledPostgres.version();
        Path backup = sibling(pgData, "-" + BundledPostgres.previousMajor() + "-backup-"
                + LocalDateTime.now(ZoneOffset.UTC).format(STAMP));
        log.warn("The embedded database in {} was made by PostgreSQL {}. Upgrading it to PostgreSQL {} "
                + "(the old directory is kept as {})…", pgData, BundledPostgres.previousMajor(), BundledPostgres.major(), backup);
        long t0 = System.nanoTime();
        EmbeddedPostgres oldServer = null;
        EmbeddedPostgres newServer = null;
        ClusterCopy.Result result;
        try {
            oldServer = start(pgData, BundledPostgres.PREVIOUS);
            newServer = start(next, null);
            result = ClusterCopy.copy(oldServer.getPostgresDatabase(), newServer.getPostgresDatabase(), flywayLocations);
            stop(newServer, next);
            newServer = null;
            stop(oldServer, pgData);
            oldServer = null;
            Files.writeString(next.resolve(VERIFIED_MARKER), backup.getFileName().toString());
        } catch (Exception e) {
            stopQuietly(newServer, next);
            stopQuietly(oldServer, pgData);
            try {
                FileSystemUtils.deleteRecursively(next);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IOException("could not upgrade the embedded database in " + pgData + " from PostgreSQL " + from
                    + " to " + to + ": " + e.getMessage() + ". The directory is left as it was (the previous Shinsa "
                    + "release still runs on it); see docs/decisions/017-embedded-postgresql-upgrade.md", e);
        }
        swap(pgData, next, backup);
        log.warn("Upgraded the embedded database in {} from PostgreSQL {} to {} in {} s: {} tables, {} rows, schema {}, "
                        + "every table checked. The PostgreSQL {} directory is kept in {}: delete it once the workbench "
                        + "runs as expected (README, Embedded PostgreSQL).", pgData, from, to,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), result.tables(), result.rows(),
                result.schemaVersion(), BundledPostgres.previousMajor(), backup);
        return backup;
    }

    /** Old directory aside, new one in its place; each step a rename, so a kill between them is finished later. */
    private static void swap(Path pgData, Path next, Path backup) throws IOException {
        if (Files.exists(pgData)) {
            Files.move(pgData, backup);
        }
        Files.move(next, pgData);
        Files.delete(pgData.resolve(VERIFIED_MARKER));
    }

    private static EmbeddedPostgres start(Path dir, PgBinaryResolver binaries) throws IOException {
        EmbeddedPostgres.Builder b = BundledPostgres.durableBuilder(dir).setPGStartupWait(START_WAIT);
        if (binaries != null) {
            b.setPgBinaryResolver(binaries);
        }
        return b.start();
    }

    /** Stops the server and waits until its postmaster is gone (zonky's stop waits only a few seconds). */
    private static void stop(EmbeddedPostgres pg, Path dir) throws IOException {
        Optional<PostmasterPid.Running> running = PostmasterPid.of(dir);
        pg.close();
        if (running.isPresent()) {
            try {
                running.get().process().onExit().get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                throw new IOException("PostgreSQL on " + dir + " did not stop", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while PostgreSQL on " + dir + " stopped", e);
            }
        }
    }

    private static void stopQuietly(EmbeddedPostgres pg, Path dir) {
        if (pg != null) {
            try {
                stop(pg, dir);
            } catch (IOException | RuntimeException e) {
                log.warn("could not stop PostgreSQL on {}: {}", dir, e.getMessage());
            }
        }
    }

    private static Path sibling(Path pgData, String suffix) {
        return pgData.resolveSibling(pgData.getFileName() + suffix);
    }
}
