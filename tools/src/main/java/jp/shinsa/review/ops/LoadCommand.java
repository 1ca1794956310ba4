package jp.shinsa.review.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;

/**
 * {@code ./shinsa load --base URL --token T [--user U --password P] [--clients 50] [--seconds 60]
 * [--max-requests 20000] [--max-submissions 20]}: concurrent reviewers against one running instance,
 * bounded in time and in count. Each client (a virtual thread) loops over a fixed mix — API list,
 * status and review reads, and, when a user is given, the queue page with its own logged-in session —
 * and every so often submits a demo package through the API. Prints a Markdown table of latency
 * percentiles and error rates per kind of request (scripts/load.sh starts the server and runs this).
 */
public final class LoadCommand {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstError = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger submissions = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String token;
    private List<Long> ids = List.of();

    private LoadCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o;
        try {
            o = OpsDatabase.options(args, 0);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!o.containsKey("base") || !o.containsKey("token")) {
            err.println("usage: ./shinsa load --base http://127.0.0.1:PORT --token T [--user U --password P]"
                    + " [--clients 50] [--seconds 60] [--max-requests 20000] [--max-submissions 20]");
            return 2;
        }
        try {
            return new LoadCommand().load(o, out, err);
        } catch (Exception e) {
            err.println("load run failed: " + e);
            return 2;
        }
    }

    private int load(Map<String, String> o, PrintStream out, PrintStream err) throws Exception {
        base = o.get("base").replaceAll("/$", "");
        token = o.get("token");
        int clients = Integer.parseInt(o.getOrDefault("clients", "50"));
        long seconds = Long.parseLong(o.getOrDefault("seconds", "60"));
        long maxRequests = Long.parseLong(o.getOrDefault("max-requests", "20000"));
        int maxSubmissions = Integer.parseInt(o.getOrDefault("max-submissions", "20"));
        String user = o.get("user");
        String password = o.get("password");

        settle(err);
        ids = knownIds();
        err.println("load: " + clients + " clients, " + seconds + " s or " + maxRequests + " requests, "
                + ids.size() + " applications to read");
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread.ofVirtual().start(() -> {
                try {
                    String session = user == null ? null : login(user, password);
                    for (int i = client; System.nanoTime() < deadline && requests.incrementAndGet() <= maxRequests; i++) {
                        step(i, session, maxSubmissions);
                    }
                } catch (Exception e) {
                    error("client", e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        report(out, clients, elapsed);
        return 0;
    }

    private void step(int i, String session, int maxSubmissions) {
        int kind = i % 10;
        if (kind == 9 && i % 50 == 49 && submissions.incrementAndGet() <= maxSubmissions) {
            submit();
        } else if (kind >= 7 && session != null) {
            timed("page GET /queue", request("/queue").header("Cookie", "JSESSIONID=" + session).GET().build(),
                    r -> r.statusCode() == 200 && r.body().contains("<html"));
        } else if (kind <= 3 || ids.isEmpty()) {
            timed("api GET /applications", api("/api/v1/applications?size=20").GET().build(),
                    r -> r.statusCode() == 200);
        } else if (kind <= 5 || kind >= 7) {
            timed("api GET /applications/{id}", api("/api/v1/applications/" + anyId()).GET().build(),
                    r -> r.statusCode() == 200);
        } else {
            timed("api GET /applications/{id}/review", api("/api/v1/applications/" + anyId() + "/review").GET().build(),
                    r -> r.statusCode() == 200 || r.statusCode() == 409);
        }
    }

    private void submit() {
        var demo = new DemoPackageGenerator().generate(1000 + submissions.get());
        String boundary = "load-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (UploadedFile f : demo.files()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        timed("api POST /applications", api("/api/v1/applications?name=LOAD-" + submissions.get())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), r -> r.statusCode() == 202);
    }

    private void timed(String kind, HttpRequest request, java.util.function.Predicate<HttpResponse<String>> ok) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long micros = (System.nanoTime() - t0) / 1000;
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
            if (!ok.test(r)) {
                error(kind, r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        } catch (Exception e) {
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - t0) / 1000);
            error(kind, e.toString());
        }
    }

    private void error(String kind, String what) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        firstError.putIfAbsent(kind, what);
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> page = http.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String session = cookie(page, null);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1),
                StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(request("/login").header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + location);
        }
        return cookie(r, session);
    }

    private static String cookie(HttpResponse<?> r, String fallback) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fallback;
    }

    /** Waits (up to five minutes) until the first pass of every application present is done. */
    private void settle(PrintStream err) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < end) {
            long pending;
            try {
                pending = total("RECEIVED") + total("PROCESSING");
            } catch (java.net.http.HttpTimeoutException busy) {
                err.println("load: the server is busy (first reviews); waiting");
                continue;
            }
            if (pending == 0) {
                return;
            }
            err.println("load: waiting for " + pending + " reviews to finish before starting");
            Thread.sleep(2000);
        }
    }

    private long total(String status) throws Exception {
        String body = http.send(api("/api/v1/applications?size=1&status=" + status).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private List<Long> knownIds() throws Exception {
        String body = http.send(api("/api/v1/applications?size=200").GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        List<Long> found = new ArrayList<>();
        Matcher m = ID.matcher(body);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    private long anyId() {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private HttpRequest.Builder api(String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private void report(PrintStream out, int clients, double elapsed) {
        long total = 0;
        long failed = 0;
        List<Long> all = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (var e : new TreeMap<>(latencies).entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            Collections.sort(l);
            all.addAll(l);
            int err = errors.getOrDefault(e.getKey(), new AtomicInteger()).get();
            total += l.size();
            failed += err;
            rows.append(String.format("| %s | %d | %d (%.2f %%) | %.0f | %.0f | %.0f | %.0f |%n", e.getKey(), l.size(), err,
                    100.0 * err / Math.max(1, l.size()), pct(l, 50), pct(l, 95), pct(l, 99), pct(l, 100)));
        }
        Collections.sort(all);
        out.printf("%d clients, %.1f s, %d requests (%.0f per second), %d errors (%.2f %%), p95 %.0f ms overall%n%n",
                clients, elapsed, total, total / elapsed, failed, 100.0 * failed / Math.max(1, total), pct(all, 95));
        out.println("| request | count | errors | p50 ms | p95 ms | p99 ms | max ms |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        out.print(rows);
        out.printf("| **all** | %d | %d (%.2f %%) | %.0f | %.0f | %.0f | %.0f |%n", total, failed,
                100.0 * failed / Math.max(1, total), pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100));
        firstError.forEach((k, v) -> out.println("\nfirst error of " + k + ": " + v));
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }
}
