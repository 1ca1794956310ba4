package jp.shinsa.scoring.checks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.Finding;
import jp.shinsa.models.Program;
import jp.shinsa.scoring.corpus.TruthCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.ObjectMapper;

/**
 * Dev tool, not a test: runs the checker on every dev application as a perfect extractor would
 * give it and writes contract-shaped JSON lines for {@code shared/tools/score.py}. Runs only with
 * {@code -Dshinsa.findings.out=FILE.jsonl} and when the corpus is beside the checkout:
 * <pre>./mvnw -B -q -o -pl scoring -am verify -Dtest=CorpusFindingsReportTest -Dsurefire.failIfNoSpecifiedTests=false -Dshinsa.findings.out=/tmp/findings.jsonl
 * python3 ../shared/tools/score.py --truth ../shared/corpus/dev/truth --results /tmp/findings.jsonl</pre>
 */
class CorpusFindingsReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @EnabledIfSystemProperty(named = "shinsa.findings.out", matches = ".+")
    void write_findings_of_every_dev_application() throws IOException {
        Optional<Path> corpus = TruthCorpus.locate();
        assumeTrue(corpus.isPresent(), "corpus not beside the checkout");
        List<TruthCorpus.Case> cases = TruthCorpus.load(corpus.get());
        ConsistencyChecker checker = new ConsistencyChecker();
        // warm up so the timing below is what a running workbench pays, not class loading and JIT
        for (int i = 0; i < 20; i++) {
            for (TruthCorpus.Case c : cases) {
                checker.check(c.application(), program(c));
            }
        }
        int rounds = 50;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (TruthCorpus.Case c : cases) {
                checker.check(c.application(), program(c));
            }
        }
        double microsPerApplication = (System.nanoTime() - start) / 1000.0 / rounds / cases.size();
        Path out = Path.of(System.getProperty("shinsa.findings.out"));
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (TruthCorpus.Case c : cases) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("schemaVersion", 1);
                line.put("application", c.application().name());
                line.put("program", c.application().program());
                line.put("findings", checker.check(c.application(), program(c)).stream().map(CorpusFindingsReportTest::json).toList());
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        System.out.printf("checked %d applications; %.1f µs per application (mean of %d warm rounds); wrote %s%n",
                cases.size(), microsPerApplication, rounds, out);
    }

    private static Program program(TruthCorpus.Case c) {
        return Catalogs.program(c.application().program()).orElse(null);
    }

    private static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code().name());
        m.put("severity", f.severity().name());
        m.put("account", f.account());
        m.put("fiscalYear", f.fiscalYear());
        m.put("item", f.item());
        m.put("documentType", f.documentType() == null ? null : f.documentType().name());
        m.put("file", f.file());
        m.put("expected", f.expected());
        m.put("actual", f.actual());
        m.put("message", f.message().ja());
        m.put("messageEn", f.message().en());
        m.put("cause", f.cause());
        return m;
    }
}
