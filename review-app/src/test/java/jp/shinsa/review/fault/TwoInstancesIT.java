package jp.shinsa.review.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.shinsa.review.ShinsaMain;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.audit.AuditChain;
import jp.shinsa.review.demo.DemoPackageGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two workbench processes on one external PostgreSQL share the background reviews; one is killed
 * with SIGKILL while it reviews, and the survivor alone finishes its work. Afterwards every
 * application whose submission was acknowledged (202) is reviewed exactly once: one stored review and
 * one REVIEWED audit entry each, and the audit chain verifies. The PostgreSQL server runs in this JVM
 * (the instances reach it through SPRING_DATASOURCE_URL, the external-database mode); both instances
 * start at the same moment on the empty database, so Flyway and the start-up seeding run concurrently
 * too. The job engine's heartbeat is shortened so the dead instance's job is taken over in seconds.
 */
class TwoInstancesIT {
    private static final int APPLICATIONS = 8;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration REVIEW_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dir;
    private EmbeddedPostgres pg;
    private final List<Process> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() throws Exception {
        for (Process p : instances) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void should_review_every_acknowledged_application_exactly_once_when_one_of_two_instances_is_killed()
            throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata").toFile()).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100").start();
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());

        int portA = freePort();
        int portB = freePort();
        Process a = launch(url, portA, "a");
        Process b = launch(url, portB, "b");
        waitForLogin(a, portA, "a");
        waitForLogin(b, portB, "b");

        String token = "shk_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("INSERT INTO api_token (name, token_sha256, role, created_by) VALUES ('two-instances', ?, 'EXAMINER', 'test')")
                .param(sha256(token)).update();

        // The batch, through the API, half to each instance.
        List<Long> acknowledged = new ArrayList<>();
        DemoPackageGenerator generator = new DemoPackageGenerator();
        for (int i = 0; i < APPLICATIONS; i++) {
            DemoPackageGenerator.DemoPackage p = generator.generate(i % 12);
            HttpResponse<String> r = submit(i % 2 == 0 ? portA : portB, token, p.name() + " #" + i, p.files());
            assertThat(r.statusCode()).as("submission %d: %s", i, r.body()).isEqualTo(202);
            String location = r.headers().firstValue("Location").orElseThrow();
            acknowledged.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        }

        // Kill instance a while it is in the middle of a review of its own.
        String pickedByA = "%#" + a.pid();
        waitUntil(() -> count(jdbc, "SELECT count(*) FROM scheduled_tasks WHERE picked AND picked_by LIKE '"
                + pickedByA + "'") > 0, REVIEW_TIMEOUT, "instance a never reviewed anything", a, "a");
        List<String> interrupted = jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE picked AND picked_by LIKE ?")
                .param(pickedByA).query(String.class).list();
        a.destroyForcibly();
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as("SIGKILL").isEqualTo(128 + 9);

        // The survivor alone finishes everything, the killed instance's review included.
        String in = acknowledged.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElseThrow();
        waitUntil(() -> count(jdbc, "SELECT count(*) FROM application WHERE id IN (" + in
                        + ") AND status IN ('REVIEWED', 'FAILED')") == APPLICATIONS,
                REVIEW_TIMEOUT, "the survivor did not finish the reviews", b, "b");
        assertThat(b.isAlive()).isTrue();

        for (long id : acknowledged) {
            assertThat(jdbc.sql("SELECT status FROM application WHERE id = ?").param(id).query(String.class).single())
                    .as("application %d", id).isEqualTo("REVIEWED");
            assertThat(count(jdbc, "SELECT count(*) FROM application WHERE review_json IS NOT NULL AND id = " + id))
                    .isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'REVIEWED' AND application_id = " + id))
                    .as("stored reviews of application %d", id).isEqualTo(1);
        }
        for (String id : interrupted) {
            assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE action = 'REVIEW_RESUMED' AND application_id = "
                    + id)).as("the killed instance's review of %s was taken over", id).isEqualTo(1);
        }
        assertThat(count(jdbc, "SELECT count(*) FROM scheduled_tasks")).as("jobs left").isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM application")).as("no application added or lost")
                .isEqualTo(APPLICATIONS);
        assertThat(count(jdbc, "SELECT count(*) FROM model_version"))
                .as("default models trained once for both instances").isEqualTo(2);
        assertThat(AuditChain.firstBreak(jdbc)).as("first broken audit entry").isEmpty();
    }

    /** A workbench process on the external database, with a short heartbeat. */
    private Process launch(String url, int port, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ShinsaMain.class.getName(), "serve", "--port", Integer.toString(port),
                "--server.address=127.0.0.1", "--shinsa.data-dir=" + dir.resolve("data-" + name),
                "--shinsa.jobs.heartbeat-interval=2s", "--shinsa.jobs.missed-heartbeats=4",
                "--shinsa.jobs.polling-interval=1s", "--logging.level.root=WARN",
                "--logging.level.jp.shinsa=INFO");
        pb.environment().put("SPRING_DATASOURCE_URL", url);
        pb.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Process p = pb.start();
        instances.add(p);
        return p;
    }

    private void waitForLogin(Process p, int port, String name) throws Exception {
        waitUntil(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, START_TIMEOUT, "instance " + name + " did not start", p, name);
    }

    private HttpResponse<String> submit(int port, String token, String name, List<UploadedFile> files)
            throws IOException, InterruptedException {
        String boundary = "shinsa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain; charset=UTF-8\r\n",
                name.getBytes(StandardCharsets.UTF_8));
        for (UploadedFile f : files) {
            part(body, boundary, "Content-Disposition: form-data; name=\"files\"; filename=\"" + f.fileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n", f.content());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/applications"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void waitUntil(BooleanSupplier condition, Duration timeout, String failure, Process p, String name)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                throw new AssertionError(failure + (p.isAlive() ? "" : " (it stopped with " + p.exitValue() + ")")
                        + "; its log ends:\n" + tail(dir.resolve(name + ".log")));
            }
            Thread.sleep(200);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
