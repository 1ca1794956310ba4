package jp.shinsa.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hostile packages through the API: each bad file is rejected with a clear reason, the good files of
 * the same package are kept, and the server goes on serving. Limits are the small ones of
 * {@link ApiIntegrationTest} (1 MB a file, 20 files, 6 MB a multipart file, 12 MB a request).
 */
@ApiIntegrationTest
class HostileUploadsApiIT {
    private static final byte[] CSV = "科目,金額\n資産合計,100\n".getBytes(StandardCharsets.UTF_8);
    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    ApiClient api;

    @BeforeEach
    void token() {
        api = new ApiClient(port, tokens.createAsOperator("test", "hostile-" + UUID.randomUUID().toString()
                .substring(0, 8), Roles.EXAMINER).secret());
    }

    @Test
    void should_reject_an_oversized_file_and_keep_the_others() throws Exception {
        HttpResponse<String> r = api.submit("big", List.of(new UploadedFile("good.csv", null, CSV),
                new UploadedFile("huge.pdf", null, new byte[(ApiIntegrationTest.MAX_FILE_MB << 20) + 1])));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = ApiClient.json(r);
        assertThat(names(body.get("files"))).containsExactly("good.csv");
        assertThat(rejected(body)).containsExactly("huge.pdf: file larger than 1 MB");
    }

    @Test
    void should_answer_413_for_a_request_over_the_multipart_limit() throws Exception {
        HttpResponse<String> r = api.submit("too-big", List.of(new UploadedFile("huge.pdf", null,
                new byte[(ApiIntegrationTest.MULTIPART_MAX_FILE_MB << 20) + (512 << 10)])));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(ApiClient.json(r).get("type").asString()).endsWith("/upload-too-large");
    }

    @Test
    void should_answer_413_for_a_raw_zip_over_the_request_limit() throws Exception {
        HttpResponse<String> r = api.post("/api/v1/applications?name=raw", "application/zip",
                new byte[(ApiIntegrationTest.MULTIPART_MAX_REQUEST_MB << 20) + (512 << 10)]);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(ApiClient.json(r).get("type").asString()).endsWith("/upload-too-large");
    }

    @Test
    void should_reject_zip_slip_entries_and_keep_the_safe_ones() throws Exception {
        byte[] zip = zip(List.of("../../etc/passwd", "/absolute/evil.csv", "C:\\Windows\\evil.csv",
                "..\\..\\evil2.csv", "folder/決算書.csv"), CSV);
        JsonNode body = accepted(api.submit("slip", List.of(new UploadedFile("package.zip", null, zip))));
        assertThat(names(body.get("files"))).containsExactly("決算書.csv");
        assertThat(rejected(body)).hasSize(4).allSatisfy(r -> assertThat(r).contains("unsafe path"));
    }

    @Test
    void should_stop_unpacking_a_zip_bomb_and_keep_the_files_beside_it() throws Exception {
        // One entry that expands past the per-file limit, then many that together expand ~1000-fold.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("zeros.pdf"));
            z.write(new byte[20 << 20]);
            z.closeEntry();
            for (int i = 0; i < 10; i++) {
                z.putNextEntry(new ZipEntry("part" + i + ".xlsx"));
                z.write(new byte[900 << 10]);
                z.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(200 << 10);
        JsonNode body = accepted(api.submit("bomb", List.of(new UploadedFile("bomb.zip", null, out.toByteArray()),
                new UploadedFile("good.csv", null, CSV))));
        assertThat(names(body.get("files"))).contains("good.csv");
        assertThat(rejected(body)).contains("zeros.pdf: file larger than 1 MB when unpacked")
                .anySatisfy(r -> assertThat(r).contains("possible ZIP bomb"));
    }

    @Test
    void should_refuse_thousands_of_files_in_one_package_with_a_reason() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            names.add("f" + i + ".csv");
        }
        JsonNode body = accepted(api.submit("many", List.of(new UploadedFile("many.zip", null, zip(names, CSV)))));
        assertThat(body.get("files").size()).isEqualTo(ApiIntegrationTest.MAX_FILES);
        assertThat(rejected(body)).anySatisfy(r -> assertThat(r).contains("too many files in one application"))
                .anySatisfy(r -> assertThat(r).isEqualTo("many.zip: ZIP has too many entries"));
    }

    @Test
    void should_refuse_thousands_of_multipart_parts_as_a_problem() throws Exception {
        List<UploadedFile> parts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            parts.add(new UploadedFile("p" + i + ".csv", null, CSV));
        }
        HttpResponse<String> r = api.submit("parts", parts);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(ApiClient.json(r).get("detail").asString()).contains("parts");
    }

    @Test
    void should_strip_path_separators_and_control_characters_from_names() throws Exception {
        byte[] zip = zip(List.of("dir/sub/ok\u0001name.csv", "tab\tname\u202e.csv"), CSV);
        JsonNode body = accepted(api.submit("names\u0007\u001b[31m", List.of(
                new UploadedFile("a/b/c\u0007.csv", null, CSV),
                new UploadedFile("..\\..\\windows.csv", null, CSV),
                new UploadedFile("names.zip", null, zip))));
        assertThat(names(body.get("files"))).containsExactlyInAnyOrder("c.csv", "windows.csv", "okname.csv",
                "tabname.csv");
        assertThat(body.get("name").asString()).isEqualTo("names[31m");
        assertThat(body.get("rejected")).isEmpty();
    }

    @Test
    void should_refuse_a_package_whose_every_file_is_rejected_with_422() throws Exception {
        HttpResponse<String> r = api.submit("nothing", List.of(new UploadedFile("huge.pdf", null,
                new byte[(ApiIntegrationTest.MAX_FILE_MB << 20) + 1])));
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode p = ApiClient.json(r);
        assertThat(p.get("rejected").get(0).get("reason").asString()).isEqualTo("file larger than 1 MB");
    }

    @Test
    void should_review_unreadable_files_as_findings_not_failures() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] truncatedPdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.US_ASCII);
        JsonNode body = accepted(api.submit("unreadable", List.of(new UploadedFile("決算書.pdf", null, truncatedPdf),
                new UploadedFile("申請書.xlsx", null, garbage), new UploadedFile("empty.csv", null, new byte[0]))));
        long id = body.get("id").asLong();
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        String status;
        do {
            Thread.sleep(250);
            status = ApiClient.json(api.get("/api/v1/applications/" + id)).get("status").asString();
        } while ((status.equals("RECEIVED") || status.equals("PROCESSING")) && Instant.now().isBefore(end));
        assertThat(status).isEqualTo("REVIEWED");
        JsonNode review = ApiClient.json(api.get("/api/v1/applications/" + id + "/review"));
        assertThat(review.get("documents")).hasSize(3);
        List<String> unreadable = new ArrayList<>();
        review.get("documents").forEach(d -> {
            if (!d.get("error").isNull()) {
                unreadable.add(d.get("file").asString());
            }
        });
        // Each unreadable file is reported in the review, not a crash of the review.
        assertThat(unreadable).contains("決算書.pdf", "申請書.xlsx");
        // The server is still fine.
        assertThat(api.get("/api/v1/applications?size=1").statusCode()).isEqualTo(200);
    }

    static JsonNode accepted(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return ApiClient.json(r);
    }

    static List<String> names(JsonNode array) {
        List<String> n = new ArrayList<>();
        array.forEach(x -> n.add(x.asString()));
        return n;
    }

    static List<String> rejected(JsonNode body) {
        List<String> n = new ArrayList<>();
        body.get("rejected").forEach(x -> n.add(x.get("file").asString() + ": " + x.get("reason").asString()));
        return n;
    }

    static byte[] zip(List<String> names, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
