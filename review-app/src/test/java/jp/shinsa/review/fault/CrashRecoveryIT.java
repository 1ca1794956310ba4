package jp.shinsa.review.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.shinsa.review.ShinsaApplication;
import jp.shinsa.review.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kills the workbench with SIGKILL while it ingests applications and records decisions, twice, and
 * restarts it on the same data directory:
 * <ol>
 * <li>the JVM alone is killed: its embedded PostgreSQL is left running, as after the kernel's
 * out-of-memory killer, and the next start has to cope with that orphaned server;</li>
 * <li>the JVM and PostgreSQL with all its processes are killed, as after a power cut: the next start
 * recovers from PostgreSQL's write-ahead log.</li>
 * </ol>
 * After the last restart every acknowledged submission and decision is there with its audit entry,
 * the audit chain holds, and no application is left half-ingested: each is reviewed, decided, or
 * failed with a reason. The busy workbench is {@link CrashTarget}, run as a separate process.
 */
class CrashRecoveryIT {
    private static final Duration BUSY_TIMEOUT = Duration.ofMinutes(4);

    /** Deleted after the test, with the database in it (every process on it is gone by then). */
    @TempDir
    Path dataDir;

    /** A failed run may leave a child's PostgreSQL behind: stop it, so the directory can go. */
    @AfterEach
    void stopLeftovers() throws Exception {
        Path pid = dataDir.resolve("pgdata/postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(postmasterPid(dataDir)).filter(p -> p.info().command().map(c -> c.endsWith("postgres"))
                    .orElse(false)).ifPresent(p -> {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        }
    }

    @Test
    void should_keep_every_acknowledged_decision_and_leave_no_half_ingested_application_after_sigkill()
            throws Exception {
        // A first, clean start in this JVM creates the database and registers the default models, so
        // the killed processes load them instead of training them.
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            waitUntil(() -> count(jdbc, "SELECT count(*) FROM application WHERE status IN ('REVIEWED', 'FAILED')") == 2,
                    Duration.ofMinutes(3), "the demo applications of the first start were not reviewed");
        }

        // Round 1: SIGKILL the JVM only; its PostgreSQL lives on.
        Path acks1 = dataDir.resolve("acks-1.txt");
        Process child = launch(dataDir, acks1, "child-1.log");
        waitForDecisions(child, acks1, 4, dataDir.resolve("child-1.log"));
        waitForReviewsInFlight(dataDir);
        long postmaster = postmasterPid(dataDir);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlives a killed JVM").contains(true);

        // Round 2: the next start must stop that orphan; then SIGKILL the JVM and PostgreSQL together.
        Path acks2 = dataDir.resolve("acks-2.txt");
        child = launch(dataDir, acks2, "child-2.log");
        waitForDecisions(child, acks2, 4, dataDir.resolve("child-2.log"));
        waitForReviewsInFlight(dataDir);
        assertThat(ProcessHandle.of(postmaster).isPresent()).as("the orphaned PostgreSQL was stopped").isFalse();
        killWithPostgres(child, postmasterPid(dataDir));

        List<String[]> acked = new ArrayList<>(acknowledged(acks1));
        acked.addAll(acknowledged(acks2));
        assertThat(acked).as("the workbench acknowledged work before it was killed").isNotEmpty();

        try (ConfigurableApplicationContext last = start(dataDir)) {
            JdbcClient jdbc = last.getBean(JdbcClient.class);
            waitUntil(() -> count(jdbc, "SELECT count(*) FROM application WHERE status IN ('RECEIVED', 'PROCESSING')") == 0,
                    Duration.ofMinutes(3), "interrupted reviews were neither resumed nor failed");
            for (String[] ack : acked) {
                long app = Long.parseLong(ack[1]);
                if (ack[0].equals("SUBMITTED")) {
                    assertThat(count(jdbc, "SELECT count(*) FROM application_file WHERE application_id = " + app))
                            .as("files of acknowledged application %d", app).isEqualTo(Long.parseLong(ack[2]));
                } else {
                    long decision = Long.parseLong(ack[2]);
                    assertThat(count(jdbc, "SELECT count(*) FROM decision WHERE id = " + decision + " AND application_id = " + app))
                            .as("acknowledged decision %d of application %d", decision, app).isEqualTo(1);
                    assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'DECIDED' AND application_id = "
                            + app + " AND (detail->>'decision')::bigint = " + decision))
                            .as("audit entry of decision %d", decision).isEqualTo(1);
                    assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?").param(app).query(String.class).single())
                            .isEqualTo("DECIDED");
                }
            }
            assertThat(count(jdbc, "SELECT count(*) FROM application a WHERE NOT EXISTS "
                    + "(SELECT 1 FROM application_file f WHERE f.application_id = a.id)"))
                    .as("applications without their files").isZero();
            assertThat(count(jdbc, "SELECT count(*) FROM application WHERE status = 'FAILED' "
                    + "AND coalesce(trim(failure_reason), '') = ''")).as("failed without a reason").isZero();
            assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'REVIEW_RESUMED'"))
                    .as("reviews in flight at a kill were resumed").isPositive();
            assertThat(last.getBean(AuditLog.class).verify()).as("first broken audit entry").isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ShinsaApplication.class)
                .run("--shinsa.data-dir=" + dataDir, "--server.port=0", "--shinsa.demo.applications=2");
    }

    /** The workbench in a JVM of its own, on this test's class path. */
    private static Process launch(Path dataDir, Path acks, String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashTarget.class.getName(), dataDir.toString(), acks.toString());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve(log).toFile());
        return pb.start();
    }

    private static void waitForDecisions(Process child, Path acks, int decisions, Path log) throws Exception {
        long deadline = System.nanoTime() + BUSY_TIMEOUT.toNanos();
        while (acknowledged(acks).stream().filter(a -> a[0].equals("DECIDED")).count() < decisions) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("the workbench process " + (child.isAlive() ? "made no decisions in time"
                        : "stopped with " + child.exitValue()) + "; its log ends:\n" + tail(log));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits, on the child's own database, until an application is received or being reviewed: the
     * kill then lands mid-ingest for certain, however fast this machine reviews.
     */
    private static void waitForReviewsInFlight(Path dataDir) throws Exception {
        String port = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             PreparedStatement unfinished = c.prepareStatement(
                     "SELECT count(*) FROM application WHERE status IN ('RECEIVED', 'PROCESSING')")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = unfinished.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no review was in flight within 60 s");
    }

    /** SIGKILL to the JVM, the postmaster and every PostgreSQL backend, all at once. */
    private static void killWithPostgres(Process child, long postmasterPid) throws Exception {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(child.toHandle());
        ProcessHandle.of(postmasterPid).ifPresent(pm -> {
            victims.add(pm);
            pm.descendants().forEach(victims::add);
        });
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : victims) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(0).strip());
    }

    /** Complete lines only: a line the kill cut short was never acknowledged. */
    private static List<String[]> acknowledged(Path acks) throws IOException {
        if (!Files.exists(acks)) {
            return List.of();
        }
        String text = Files.readString(acks, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return text.substring(0, end).lines().map(l -> l.split(" "))
                .filter(a -> a[0].equals("SUBMITTED") || a[0].equals("DECIDED")).toList();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(200);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
