package jp.shinsa.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The review contract's command line: one JSON object per application, a file that cannot be read is a finding. */
class ReviewCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path writePackage(Path parent, int index) throws Exception {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(index);
        Path folder = Files.createDirectories(parent.resolve(p.name()));
        for (UploadedFile f : p.files()) {
            Files.write(folder.resolve(f.fileName()), f.content());
        }
        return folder;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ReviewCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void should_print_one_contract_object_per_application_and_report_a_corrupt_file() throws Exception {
        Path folder = writePackage(dir, 0);
        Files.write(folder.resolve("添付資料1.pdf"), "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII));
        Run r = run(folder.toString(), "--json");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode result = JSON.readTree(lines.get(0));
        assertThat(result.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(result.path("application").asString()).isEqualTo(folder.getFileName().toString());
        assertThat(result.path("documents").size()).isEqualTo(6);
        for (String key : List.of("figures", "findings", "items")) {
            assertThat(result.path(key).isArray()).as(key).isTrue();
        }
        assertThat(result.path("subsidy").isObject()).isTrue();
        JsonNode bad = null;
        for (JsonNode d : result.path("documents")) {
            if (d.path("file").asString().equals("添付資料1.pdf")) {
                bad = d;
            }
        }
        assertThat(bad).isNotNull();
        assertThat(bad.path("error").isString()).as("the corrupt file carries its reason").isTrue();
        assertThat(result.path("findings").toString()).contains("UNREADABLE_DOCUMENT").contains("添付資料1.pdf");
    }

    @Test
    void should_write_one_line_per_sub_folder_in_a_batch() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("batch"));
        writePackage(parent, 0);
        writePackage(parent, 1);
        Path out = dir.resolve("r.jsonl");
        Run r = run("--batch", parent.toString(), "--out", out.toString());
        assertThat(r.code()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(l -> assertThat(JSON.readTree(l).path("schemaVersion").asInt()).isEqualTo(1));
        assertThat(r.err()).contains("2/2");
    }

    @Test
    void should_refuse_wrong_usage_with_exit_code_2() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("--batch", "x").code()).isEqualTo(2);
        assertThat(run(dir.resolve("missing").toString()).code()).isEqualTo(2);
    }
}
