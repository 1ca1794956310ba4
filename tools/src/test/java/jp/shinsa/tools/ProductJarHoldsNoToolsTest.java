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
 * tools' classes — no fuzzer, load client, benchmark or demo package writer — and only one platform's
 * ONNX runtime. Skipped when the product jar has not been packaged in this build (e.g. {@code test}).
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

    @Test
    void should_ship_one_copy_of_each_library_that_was_slimmed() throws IOException {
        assumeTrue(Files.isRegularFile(PRODUCT_JAR), "product jar not packaged in this build: " + PRODUCT_JAR.toAbsolutePath());
        List<String> product = productEntries();
        assertThat(product).as("libraries replaced or left out (decision 019)")
                .noneMatch(n -> n.startsWith("BOOT-INF/lib/onnxruntime-") || n.startsWith("BOOT-INF/lib/tokenizers-")
                        || n.startsWith("BOOT-INF/lib/poi-ooxml-full-") || n.startsWith("BOOT-INF/lib/bcprov-")
                        || n.startsWith("BOOT-INF/lib/netlib-native"));
        assertThat(product).anyMatch(n -> n.startsWith("BOOT-INF/lib/natives-"));
    }
}
