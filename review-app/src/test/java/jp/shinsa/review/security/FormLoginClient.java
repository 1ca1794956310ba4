package jp.shinsa.review.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's requests without a browser: one session cookie, the CSRF token from the page's meta tag. */
public final class FormLoginClient {
    private final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    public String session;

    public FormLoginClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The CSRF token of the current session, read from a page as the browser would. */
    String csrf(String page) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF meta tag on the login page");
        }
        return m.group(1);
    }

    HttpResponse<String> postForm(String path, String... pairs) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return remember(http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        String token = csrf("/login");
        return postForm("/login", "username", username, "password", password, "_csrf", token);
    }

    public static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse("");
    }

    /** Sends these headers with every request from now on, as a browser on another page would. */
    FormLoginClient withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        extraHeaders.forEach(b::header);
        if (session != null) {
            b.header("Cookie", "JSESSIONID=" + session);
        }
        return b;
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(c);
            if (m.find()) {
                session = m.group(1);
            }
        }
        return r;
    }
}
