package jp.shinsa.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.review.cli.FuzzRunner.Outcome;
import jp.shinsa.review.cli.FuzzRunner.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short fuzz of the normal suite (the long one is {@code ./shinsa fuzz}, docs/benchmarks.md), and
 * proof that the runner can fail: targets that throw, answer without a reason or never answer.
 */
class FuzzCommandTest {
    private static FuzzSeeds seeds;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeSeeds() {
        seeds = FuzzSeeds.fromDemoPackages(2);
    }

    private record Run(int code, String out) {
    }

    private Run run(FuzzCommand.Options o, FuzzRunner.Target target) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int code = FuzzCommand.run(o, target, new PrintStream(out, true, StandardCharsets.UTF_8), err);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private FuzzCommand.Options options(int count, String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--count", String.valueOf(count), "--out", dir.toString()),
                java.util.stream.Stream.of(more)).toArray(String[]::new);
        return FuzzCommand.Options.parse(args);
    }

    private static ExtractedDocument read(String file) {
        return new ExtractedDocument(file, DocumentType.OTHER, 1, false, null, 1, null, null, null, null, null, null, null, "x");
    }

    @Test
    @Timeout(120)
    void should_read_sixty_mutated_demo_files_without_a_crash_or_a_hang() throws Exception {
        try (ApplicationReader reader = new ApplicationReader(IngestOptions.defaults().withOcr(false).withTimePerFile(Duration.ofSeconds(20)))) {
            Run r = run(options(60, "--keep-failures"), reader::readFile);
            assertThat(r.code()).as(r.out()).isZero();
        }
        assertThat(dir.resolve("fuzz-report.json")).content().contains("\"files\" : 60", "\"CRASH\" : 0", "\"HANG\" : 0");
        assertThat(dir.resolve("fuzz-results.csv")).content().hasLineCount(61);
    }

    @Test
    @Timeout(180)
    void should_read_mutated_files_in_worker_processes_leaving_no_thread_or_process_and_measure_responsiveness() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = FuzzCommand.run(new String[] {"--count", "12", "--out", dir.toString(), "--isolation", "on"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("reading in worker processes", "reader threads still busy after the run: 0",
                "reader processes still running after the run: 0", "responsiveness probe: ");
        assertThat(dir.resolve("fuzz-report.json")).content().contains("\"reading\" : \"worker processes\"",
                "\"readerProcessesAfterRun\" : 0", "\"responsivenessProbe\"", "\"CRASH\" : 0", "\"HANG\" : 0");
    }

    @Test
    void should_make_each_file_from_the_seed_and_its_index_alone() {
        FuzzMutator a = new FuzzMutator(seeds, 7);
        FuzzMutator b = new FuzzMutator(seeds, 7);
        List<FuzzMutator.Mutant> forward = IntStream.range(0, 40).mapToObj(a::mutate).toList();
        for (int i = 39; i >= 0; i--) {
            FuzzMutator.Mutant again = b.mutate(i);
            assertThat(again.bytes()).isEqualTo(forward.get(i).bytes());
            assertThat(again.mutations()).isEqualTo(forward.get(i).mutations());
        }
        assertThat(new FuzzMutator(seeds, 8).mutate(3).bytes()).isNotEqualTo(forward.get(3).bytes());
    }

    @Test
    void should_make_the_same_seeds_whatever_the_clock_says() throws Exception {
        List<FuzzSeeds.Seed> before = FuzzSeeds.fromDemoPackages(1).all();
        Thread.sleep(2_100); // ZIP entry times have a resolution of 2 s
        List<FuzzSeeds.Seed> after = FuzzSeeds.fromDemoPackages(1).all();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).bytes()).as(before.get(i).name()).isEqualTo(before.get(i).bytes());
        }
    }

    @Test
    void should_mix_pdf_xlsx_and_csv_and_structure_aware_mutations() {
        FuzzMutator m = new FuzzMutator(seeds, FuzzCommand.DEFAULT_SEED);
        List<FuzzMutator.Mutant> all = IntStream.range(0, 300).mapToObj(m::mutate).toList();
        assertThat(all).extracting(FuzzMutator.Mutant::kind).contains(FuzzSeeds.Kind.values());
        String described = String.join("\n", all.stream().map(FuzzMutator.Mutant::mutations).toList());
        assertThat(described).contains("pdf number", "stream /Length", "nested", "<c r>", "shared string index",
                "zip central directory", "truncate", "splice", "flip");
    }

    @Test
    void should_count_a_target_that_throws_as_a_crash_and_exit_one() throws Exception {
        Run r = run(options(4), f -> {
            throw new StackOverflowError("deep");
        });
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("CRASH  seed " + FuzzCommand.DEFAULT_SEED + " index 0", "java.lang.StackOverflowError: deep",
                "rerun: ./shinsa fuzz --seed " + FuzzCommand.DEFAULT_SEED + " --only 0");
    }

    @Test
    void should_count_an_unreadable_result_without_a_reason_as_a_crash() throws Exception {
        Run r = run(options(2), f -> ExtractedDocument.unreadable(f.getFileName().toString(), " "));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("unreadable without a reason");
    }

    @Test
    @Timeout(30)
    void should_abandon_a_call_that_outlives_the_bound_as_a_hang_and_go_on() throws Exception {
        FuzzRunner runner = new FuzzRunner(f -> {
            if (f.getFileName().toString().contains("000001")) {
                Thread.sleep(60_000);
            }
            return read(f.getFileName().toString());
        }, Duration.ofMillis(300), 2, dir);
        FuzzMutator m = new FuzzMutator(seeds, 1);
        long t0 = System.nanoTime();
        List<Result> results = runner.run(List.of(0, 1, 2, 3), m::mutate, r -> {
        });
        assertThat(results).extracting(Result::outcome).containsExactly(Outcome.READ, Outcome.HANG, Outcome.READ, Outcome.READ);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void should_rerun_only_the_indexes_asked_for_and_keep_their_inputs() throws Exception {
        FuzzCommand.Options o = options(1000, "--only", "5,9", "--keep-failures");
        Run r = run(o, f -> {
            throw new IllegalStateException("boom");
        });
        assertThat(r.out()).contains("index 5", "index 9").doesNotContain("index 0 ");
        FuzzMutator m = new FuzzMutator(FuzzSeeds.fromDemoPackages(FuzzCommand.SEED_PACKAGES), FuzzCommand.DEFAULT_SEED);
        Path kept = dir.resolve("failures").resolve("seed" + FuzzCommand.DEFAULT_SEED + "-" + m.mutate(9).fileName());
        assertThat(Files.readAllBytes(kept)).isEqualTo(m.mutate(9).bytes());
    }

    @Test
    void should_refuse_unknown_options_with_usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FuzzCommand.run(new String[] {"--frobnicate"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./shinsa fuzz");
    }
}
