package jp.shinsa.review.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading in child JVMs: the same result as in process, and hostile files (one that never returns,
 * one that exhausts memory) killed with their process and reported, the rest of the application read,
 * the server's threads and heap untouched and no child left behind.
 */
class ChildJvmApplicationReaderTest {
    private static final IngestOptions OPTIONS = IngestOptions.defaults().withOcr(false).withTimePerFile(Duration.ofSeconds(5));

    @TempDir
    static Path dir;
    private static List<Path> demo;

    @BeforeAll
    static void writeDemoPackage() throws Exception {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(0);
        Path folder = Files.createDirectories(dir.resolve("demo"));
        for (UploadedFile f : p.files()) {
            Files.write(folder.resolve(f.fileName()), f.content());
        }
        demo = ApplicationFilesReader.filesOf(folder);
    }

    @Test
    @Timeout(120)
    void should_read_an_application_in_a_child_exactly_as_in_process() {
        ExtractedApplication inProcess;
        try (ApplicationReader reader = new ApplicationReader(OPTIONS)) {
            inProcess = reader.read("demo", demo);
        }
        try (ChildJvmApplicationReader isolated = new ChildJvmApplicationReader(ChildJvmApplicationReader.Settings.of(OPTIONS, 1))) {
            assertThat(isolated.command()).contains("-XX:+ExitOnOutOfMemoryError", "read-worker", "jp.shinsa.review.ShinsaMain");
            ExtractedApplication first = isolated.read("demo", demo);
            ExtractedApplication again = isolated.read("demo", demo);
            assertThat(first).isEqualTo(inProcess);
            assertThat(again).isEqualTo(inProcess);
            assertThat(isolated.startedPids()).as("the warm child is reused").hasSize(1);
        }
    }

    @Test
    @Timeout(180)
    void should_report_files_that_hang_or_exhaust_memory_and_read_the_rest_without_touching_the_server() throws Exception {
        Path app = Files.createDirectories(dir.resolve("hostile"));
        Path good = demo.stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        Path goodCopy = Files.copy(good, app.resolve("a-" + good.getFileName()));
        Files.copy(good, app.resolve("hang-" + good.getFileName()));
        Files.copy(demo.stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(good), app.resolve("oom-statement.pdf"));
        List<Path> files = ApplicationFilesReader.filesOf(app);
        ChildJvmApplicationReader.Settings settings = ChildJvmApplicationReader.Settings.of(OPTIONS, 1)
                .withMaxHeapMb(256).withSlack(Duration.ofSeconds(5));
        try (ChildJvmApplicationReader reader = new ChildJvmApplicationReader(settings,
                ChildJvmApplicationReader.launch(System.getProperty("java.class.path"), HostileReaderWorker.class.getName()))) {
            ExtractedDocument warm = reader.read("warm", List.of(goodCopy)).documents().get(0);
            assertThat(warm.readable()).as(warm.error()).isTrue();
            List<String> threadsBefore = threadNames();
            long heapBefore = usedHeapAfterGc();

            ExtractedApplication read = reader.read("hostile", files);

            assertThat(read.documents()).extracting(ExtractedDocument::file)
                    .containsExactly(goodCopy.getFileName().toString(), "hang-" + good.getFileName(), "oom-statement.pdf");
            ExtractedDocument ok = read.documents().get(0);
            assertThat(ok.readable()).isTrue();
            assertThat(ok.type()).isNotEqualTo(DocumentType.OTHER);
            assertThat(read.documents().get(1).error()).isEqualTo("reading took longer than 5 s");
            assertThat(read.documents().get(2).error()).isEqualTo("reading ran out of memory (limit 256 MB)");

            assertThat(threadNames()).as("the server's threads").isEqualTo(threadsBefore);
            assertThat(threadsBefore).noneMatch(t -> t.startsWith("shinsa-ingest-"));
            assertThat(usedHeapAfterGc() - heapBefore).as("growth of the server's heap").isLessThan(32L << 20);
            List<Long> alive = reader.childPids();
            assertThat(alive).as("one warm child kept").hasSize(1);
            assertThat(reader.startedPids()).as("the warm one, the killed one, one per file, one for the rest").hasSize(5);
            assertThat(reader.startedPids()).filteredOn(pid -> !alive.contains(pid))
                    .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).as("children left").isZero();
    }

    /** The server's threads by name, a child's output reader counted without its process id. */
    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool") && !n.startsWith("process reaper"))
                .map(n -> n.replaceAll("^shinsa-reader-child-\\d+$", "shinsa-reader-child")).sorted().toList();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
