package jp.shinsa.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.demo.DemoPackageGenerator;
import jp.shinsa.review.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** An upstream system submits a package, polls it and fetches its review in the contract's JSON. */
@ApiIntegrationTest
class ApplicationsApiIT {
    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient examiner;
    ApiClient supervisor;
    String examinerName;

    @BeforeEach
    void tokens() {
        examinerName = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        examiner = new ApiClient(port, tokens.createAsOperator("test", examinerName, Roles.EXAMINER).secret());
        supervisor = examiner.as(tokens.createAsOperator("test", "sv-" + UUID.randomUUID().toString().substring(0, 8),
                Roles.SUPERVISOR).secret());
    }

    @Test
    void should_accept_a_package_and_serve_its_review_in_the_contract_json() throws Exception {
        var demo = new DemoPackageGenerator().generate(11);
        HttpResponse<String> r = examiner.submit("API-PKG-1", demo.files());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = ApiClient.json(r);
        long id = body.get("id").asLong();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/applications/" + id);
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(body.get("files")).hasSize(demo.files().size());
        assertThat(body.get("rejected")).isEmpty();
        assertThat(body.get("links").get("review").asString()).isEqualTo("/api/v1/applications/" + id + "/review");
        // Stateless: no session is created for an API call.
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();

        JsonNode status = awaitDone(id);
        assertThat(status.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(status.get("name").asString()).isEqualTo("API-PKG-1");

        HttpResponse<String> review = supervisor.get("/api/v1/applications/" + id + "/review");
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        JsonNode contract = ApiClient.json(review);
        assertThat(contract.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(contract.get("application").asString()).isEqualTo("API-PKG-1");
        assertThat(contract.get("documents")).hasSize(demo.files().size());
        assertThat(contract.has("findings")).isTrue();
        assertThat(contract.has("items")).isTrue();
        assertThat(review.headers().firstValue("Shinsa-Review-Pending")).isEmpty();
        assertThat(status.get("reviewPending").asBoolean()).isFalse();

        // A change made after the review (as a correction does) and not re-reviewed yet: the review is still
        // served, but the caller is told it is out of date, and the status says so too.
        jdbc.sql("UPDATE application SET review_revision = reviewed_revision + 1 WHERE id = :id").param("id", id).update();
        HttpResponse<String> stale = supervisor.get("/api/v1/applications/" + id + "/review");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("Shinsa-Review-Pending")).hasValue("true");
        assertThat(stale.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(ApiClient.json(examiner.get("/api/v1/applications/" + id)).get("reviewPending").asBoolean()).isTrue();
        jdbc.sql("UPDATE application SET rereview_failure = 'gave up' WHERE id = :id").param("id", id).update();
        HttpResponse<String> givenUp = supervisor.get("/api/v1/applications/" + id + "/review");
        assertThat(givenUp.headers().firstValue("Shinsa-Review-Pending")).hasValue("failed");
        assertThat(givenUp.headers().firstValue("Retry-After")).isEmpty();
        assertThat(ApiClient.json(examiner.get("/api/v1/applications/" + id)).get("reReviewFailure").asString())
                .isEqualTo("gave up");

        // Read entries are committed before the answer is sent (group commit): no flush, no waiting.
        var entries = audit.search(null, id, null, null, null, 50);
        assertThat(entries).extracting(e -> e.action())
                .contains("APPLICATION_SUBMITTED", "API_SUBMIT", "API_GET_STATUS", "API_GET_REVIEW");
        assertThat(audit.verify()).isEmpty();
    }

    @Test
    void should_accept_one_zip_as_the_raw_body() throws Exception {
        var demo = new DemoPackageGenerator().generate(12);
        HttpResponse<String> r = examiner.post("/api/v1/applications?name=ZIP-PKG", "application/zip",
                zip(demo.files()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = ApiClient.json(r);
        assertThat(body.get("name").asString()).isEqualTo("ZIP-PKG");
        assertThat(body.get("files")).hasSize(demo.files().size());
    }

    @Test
    void should_answer_409_with_retry_after_while_the_review_is_not_ready() throws Exception {
        long id = jdbc.sql("INSERT INTO application (name, created_by) VALUES ('waiting', 'test') RETURNING id")
                .query(Long.class).single();
        HttpResponse<String> r = examiner.get("/api/v1/applications/" + id + "/review");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode p = ApiClient.json(r);
        assertThat(p.get("type").asString()).endsWith("/review-not-ready");
        assertThat(p.get("applicationStatus").asString()).isEqualTo("RECEIVED");
        assertThat(p.get("status").asInt()).isEqualTo(409);
    }

    @Test
    void should_answer_a_failed_review_with_its_reason() throws Exception {
        long id = jdbc.sql("""
                INSERT INTO application (name, created_by, status, failure_reason)
                VALUES ('broken', 'test', 'FAILED', 'IOException: disk full') RETURNING id""")
                .query(Long.class).single();
        HttpResponse<String> r = examiner.get("/api/v1/applications/" + id + "/review");
        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode p = ApiClient.json(r);
        assertThat(p.get("type").asString()).endsWith("/review-failed");
        assertThat(p.get("detail").asString()).contains("disk full");
        assertThat(ApiClient.json(examiner.get("/api/v1/applications/" + id)).get("failureReason").asString())
                .isEqualTo("IOException: disk full");
    }

    @Test
    void should_answer_404_as_a_problem_for_an_unknown_application() throws Exception {
        for (String path : List.of("/api/v1/applications/987654321", "/api/v1/applications/987654321/review")) {
            HttpResponse<String> r = examiner.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(ApiClient.json(r).get("title").asString()).isEqualTo("No such application");
        }
    }

    @Test
    void should_list_applications_by_status_in_pages() throws Exception {
        HttpResponse<String> r = supervisor.get("/api/v1/applications?status=FAILED&size=1&page=0");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        jdbc.sql("INSERT INTO application (name, created_by, status, failure_reason) VALUES ('f1','t','FAILED','x')")
                .update();
        jdbc.sql("INSERT INTO application (name, created_by, status, failure_reason) VALUES ('f2','t','FAILED','x')")
                .update();
        JsonNode page = ApiClient.json(supervisor.get("/api/v1/applications?status=FAILED&size=1&page=0"));
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("f2");
        JsonNode second = ApiClient.json(supervisor.get("/api/v1/applications?status=FAILED&size=1&page=1"));
        assertThat(second.get("items").get(0).get("id").asLong())
                .isLessThan(page.get("items").get(0).get("id").asLong());

        HttpResponse<String> bad = supervisor.get("/api/v1/applications?status=NOPE");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(supervisor.get("/api/v1/applications?size=100000").statusCode()).isEqualTo(400);
    }

    @Test
    void should_refuse_missing_wrong_and_revoked_tokens_with_401_problems() throws Exception {
        ApiClient anonymous = examiner.as(null);
        HttpResponse<String> none = anonymous.get("/api/v1/applications");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(examiner.as("shk_not-a-real-token").get("/api/v1/applications").statusCode()).isEqualTo(401);
        assertThat(examiner.as("something else").get("/api/v1/applications").statusCode()).isEqualTo(401);

        String name = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient revoked = examiner.as(tokens.createAsOperator("test", name, Roles.ADMIN).secret());
        assertThat(revoked.get("/api/v1/applications").statusCode()).isEqualTo(200);
        tokens.revokeAsOperator("test", name);
        assertThat(revoked.get("/api/v1/applications").statusCode()).isEqualTo(401);
    }

    @Test
    void should_refuse_a_supervisor_token_to_submit_and_record_the_refusal() throws Exception {
        HttpResponse<String> r = supervisor.submit("nope", new DemoPackageGenerator().generate(1).files());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(r).get("type").asString()).endsWith("/forbidden");
        assertThat(audit.search(null, null, "API_DENIED", null, null, 10)).isNotEmpty();
    }

    @Test
    void should_keep_only_the_hash_of_a_token() {
        String name = "hashonly-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = tokens.createAsOperator("test", name, Roles.EXAMINER).secret();
        String stored = jdbc.sql("SELECT token_sha256 FROM api_token WHERE name = ?").param(name)
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiTokenService.sha256(secret)).doesNotContain(secret);
        assertThat(secret).startsWith("shk_").hasSizeGreaterThan(40);
    }

    @Test
    void should_serve_an_openapi_description_that_lists_every_endpoint() throws Exception {
        HttpResponse<String> r = examiner.as(null).get("/api/openapi.yaml");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> doc = new Yaml().load(r.body());
        assertThat(doc.get("openapi").toString()).startsWith("3.");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Set<String> described = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().forEach(m -> described.add(m.toUpperCase() + " " + path)));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String p : info.getPatternValues()) {
                if (p.startsWith("/api")) {
                    var methods = info.getMethodsCondition().getMethods();
                    methods.forEach(m -> served.add(m.name() + " " + p));
                }
            }
        });
        assertThat(served).isNotEmpty();
        assertThat(described).containsAll(served);
        assertThat(served).containsAll(described);
    }

    JsonNode awaitDone(long id) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode s = ApiClient.json(examiner.get("/api/v1/applications/" + id));
            String st = s.get("status").asString();
            if (!st.equals("RECEIVED") && !st.equals("PROCESSING") || Instant.now().isAfter(end)) {
                return s;
            }
            Thread.sleep(250);
        }
    }

    static byte[] zip(List<UploadedFile> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (UploadedFile f : files) {
                z.putNextEntry(new ZipEntry(f.fileName()));
                z.write(f.content());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static List<UploadedFile> list(UploadedFile... files) {
        return new ArrayList<>(List.of(files));
    }
}
