package jp.shinsa.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.security.FormLoginClient;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.security.UserService;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every API endpoint against every caller (no token, a token of each role), and every route of the
 * workbench against an anonymous browser, over real HTTP. Roles of logged-in users on routes are in
 * {@code RouteAccessTableTest}.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTableIT {
    private static final String ANONYMOUS = "anonymous";
    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;
    Map<String, String> secrets;
    String adminUser;
    long reviewed;

    @BeforeAll
    void setUp() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        secrets = Map.of(Roles.EXAMINER, tokens.createAsOperator("t", "ex-" + suffix, Roles.EXAMINER).secret(),
                Roles.SUPERVISOR, tokens.createAsOperator("t", "sv-" + suffix, Roles.SUPERVISOR).secret(),
                Roles.ADMIN, tokens.createAsOperator("t", "ad-" + suffix, Roles.ADMIN).secret());
        adminUser = "adm-" + suffix;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("t", null, "ROLE_ADMIN"));
        try {
            users.add("t", adminUser, adminUser, "admin-password-1", java.util.Set.of(Roles.ADMIN));
        } finally {
            SecurityContextHolder.clearContext();
        }
        reviewed = jdbc.sql("""
                INSERT INTO application (name, created_by, status, review_json)
                VALUES ('reviewed', 't', 'REVIEWED', '{"schemaVersion": 1}'::jsonb) RETURNING id""")
                .query(Long.class).single();
    }

    /** endpoint, caller, expected status. */
    static Stream<Arguments> apiTable() {
        Map<String, Map<String, Integer>> table = new java.util.LinkedHashMap<>();
        table.put("POST /api/v1/applications", Map.of(ANONYMOUS, 401, Roles.EXAMINER, 202, Roles.SUPERVISOR, 403,
                Roles.ADMIN, 202));
        table.put("GET /api/v1/applications", Map.of(ANONYMOUS, 401, Roles.EXAMINER, 200, Roles.SUPERVISOR, 200,
                Roles.ADMIN, 200));
        table.put("GET /api/v1/applications/{id}", Map.of(ANONYMOUS, 401, Roles.EXAMINER, 200,
                Roles.SUPERVISOR, 200, Roles.ADMIN, 200));
        table.put("GET /api/v1/applications/{id}/review", Map.of(ANONYMOUS, 401, Roles.EXAMINER, 200,
                Roles.SUPERVISOR, 200, Roles.ADMIN, 200));
        table.put("GET /api/openapi.yaml", Map.of(ANONYMOUS, 200, Roles.EXAMINER, 200, Roles.SUPERVISOR, 200,
                Roles.ADMIN, 200));
        // Paths and methods the API does not have are refused before anything else.
        table.put("DELETE /api/v1/applications/{id}", Map.of(ANONYMOUS, 401, Roles.EXAMINER, 403,
                Roles.SUPERVISOR, 403, Roles.ADMIN, 403));
        table.put("GET /api/v1/tokens", Map.of(ANONYMOUS, 401, Roles.EXAMINER, 403, Roles.SUPERVISOR, 403,
                Roles.ADMIN, 403));
        return table.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                .map(c -> Arguments.of(e.getKey(), c.getKey(), c.getValue())));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("apiTable")
    void should_answer_each_api_endpoint_by_role(String endpoint, String caller, int expected) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", Long.toString(reviewed));
        ApiClient client = new ApiClient(port, ANONYMOUS.equals(caller) ? null : secrets.get(caller));
        HttpResponse<String> r = switch (method) {
            case "POST" -> client.submit("access-" + caller, List.of(new UploadedFile("note.csv", "text/csv",
                    "科目,金額\n資産合計,100\n".getBytes(StandardCharsets.UTF_8))));
            case "GET" -> client.get(path);
            default -> client.send(method, path);
        };
        assertThat(r.statusCode()).as("%s as %s: %s", endpoint, caller, r.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
        }
        assertThat(r.headers().firstValue("Set-Cookie")).as("the API never creates a session").isEmpty();
    }

    static Stream<String> routes() {
        return Stream.of("/", "/queue", "/applications/1", "/admin/users", "/admin/learned-mappings");
    }

    @ParameterizedTest(name = "anonymous {0} → login")
    @MethodSource("routes")
    void should_send_an_anonymous_browser_to_the_login_page(String route) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + route)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @ParameterizedTest(name = "a logged-in browser's session cookie gives no access to {0}")
    @MethodSource("apiPaths")
    void should_not_accept_a_session_cookie_on_the_api(String path) throws Exception {
        var browser = new FormLoginClient(port);
        assertThat(FormLoginClient.location(browser.login(adminUser, "admin-password-1"))).isEqualTo("/");
        HttpResponse<String> r = browser.get(path.replace("{id}", Long.toString(reviewed)));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    static Stream<String> apiPaths() {
        return Stream.of("/api/v1/applications", "/api/v1/applications/{id}", "/api/v1/applications/{id}/review");
    }
}
