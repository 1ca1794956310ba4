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
import java.util.Set;
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
        List<TruthCorpus.Case> cases = withQuoteLines(corpus.get(), TruthCorpus.load(corpus.get()));
        ConsistencyChecker checker = new ConsistencyChecker();
        // warm up so the timing below is what a running workbench pays, not class loading and JIT
        for (int i = 0; i < 20; i++) {
            for (TruthCorpus.Case c : cases) {
                checker.check(c.application(), program(c));
            }
        }
        int rounds = 50;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (TruthCorpus.Case c : cases) {
                checker.check(c.application(), program(c));
            }
        }
        double microsPerApplication = (System.nanoTime() - start) / 1000.0 / rounds / cases.size();
        // CPU time of this thread: what the checks cost, less the machine's other load
        double cpuMicrosPerApplication = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / rounds / cases.size();
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
        System.out.printf("checked %d applications; %.1f µs wall, %.1f µs CPU per application (mean of %d warm rounds); wrote %s%n",
                cases.size(), microsPerApplication, cpuMicrosPerApplication, rounds, out);
    }

    /**
     * Plants one altered figure at a time in every clean dev application (each statement, input-sheet
     * and comparison figure of FY2023/2024 in turn) and counts how often the single alarm has the code
     * and keys findings.md gives. Runs with {@code -Dshinsa.findings.plant=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "shinsa.findings.plant", matches = "true")
    void plant_single_errors_in_clean_dev_applications() {
        Optional<Path> corpus = TruthCorpus.locate();
        assumeTrue(corpus.isPresent(), "corpus not beside the checkout");
        ConsistencyChecker checker = new ConsistencyChecker();
        Map<String, int[]> tally = new java.util.TreeMap<>();
        List<String> misses = new java.util.ArrayList<>();
        for (TruthCorpus.Case c : TruthCorpus.load(corpus.get())) {
            if (!c.truth().path("expected").isEmpty()) {
                continue;
            }
            var app = c.application();
            for (int d = 0; d < app.documents().size(); d++) {
                var doc = app.documents().get(d);
                for (int i = 0; i < doc.figures().size(); i++) {
                    var f = doc.figures().get(i);
                    var account = Catalogs.account(f.account()).orElseThrow();
                    boolean memo = account.parent() == null && Catalogs.childrenOf(account.code()).isEmpty();
                    if (f.fiscalYear() < 2023 || (memo && doc.type() == jp.shinsa.models.DocumentType.FINANCIAL_STATEMENTS)) {
                        continue;
                    }
                    var figures = new java.util.ArrayList<>(doc.figures());
                    figures.set(i, f.withValue(f.value() + 12_345_000));
                    var docs = new java.util.ArrayList<>(app.documents());
                    docs.set(d, new jp.shinsa.models.ExtractedDocument(doc.file(), doc.type(), doc.pages(), doc.ocr(),
                            null, doc.unit(), figures, doc.comparisonDeltas(), doc.items(), doc.subsidy(), doc.program(),
                            doc.applicant(), doc.unmappedRows(), doc.text()));
                    var planted = new jp.shinsa.models.ExtractedApplication(app.name(), docs);
                    List<Finding> found = checker.check(planted, program(c));
                    List<Finding> alarms = found.stream().filter(Finding::isAlarm).toList();
                    String category = doc.type() + " " + f.fiscalYear();
                    String wantCode = doc.type() == jp.shinsa.models.DocumentType.INPUT_SHEET ? "INPUT_SHEET_MISMATCH"
                            : doc.type() == jp.shinsa.models.DocumentType.BS_COMPARISON ? "BS_COMPARISON_MISMATCH"
                            : Set.of("total_assets", "total_liabilities_and_net_assets").contains(f.account()) ? "BS_IMBALANCE"
                            : account.isBalanceSheet() ? "SUBTOTAL_MISMATCH" : "PL_CASCADE_MISMATCH";
                    String wantAccount = wantCode.equals("BS_IMBALANCE") ? null
                            : wantCode.endsWith("_MISMATCH") && !wantCode.startsWith("SUBTOTAL") && !wantCode.startsWith("PL_")
                            ? f.account() : Catalogs.childrenOf(f.account()).isEmpty() ? account.parent() : f.account();
                    boolean inFindings = found.stream().anyMatch(x -> x.code().name().equals(wantCode)
                            && java.util.Objects.equals(x.account(), wantAccount) && x.fiscalYear() == f.fiscalYear());
                    boolean exact = alarms.size() == 1 && alarms.get(0).code().name().equals(wantCode)
                            && java.util.Objects.equals(alarms.get(0).account(), wantAccount)
                            && alarms.get(0).fiscalYear() == f.fiscalYear();
                    int[] t = tally.computeIfAbsent(category, k -> new int[3]);
                    t[0]++;
                    t[1] += exact ? 1 : 0;
                    t[2] += inFindings ? 1 : 0;
                    if (!exact && misses.size() < 40) {
                        misses.add(app.name() + " " + doc.file() + " " + f.account() + " " + f.fiscalYear() + " -> "
                                + alarms.stream().map(ConsistencyChecker::causeKey).toList());
                    }
                }
            }
        }
        tally.forEach((k, t) -> System.out.printf("%-28s planted %4d  one right alarm %4d  right code+keys among findings %4d%n",
                k, t[0], t[1], t[2]));
        misses.forEach(m -> System.out.println("  miss: " + m));
    }

    private static final java.util.regex.Pattern QUOTE_LINE = java.util.regex.Pattern.compile(
            "^\\s*(\\d{1,2})\\s+(.+?)\\s+(\\d{1,4})\\s+([\\d,]+)\\s+([\\d,]+)\\s*$");

    /**
     * The truth files carry no quote lines; when {@code pdftotext} (poppler-utils) is installed, read
     * them from the quote PDFs' text layer (No, 品名 / 規格 / メーカー, 数量, 単価, 金額) so that
     * QUOTE_PRICE_MISMATCH is measured too. A crude reader for this dev tool only, not the ingest.
     */
    private static List<TruthCorpus.Case> withQuoteLines(Path corpus, List<TruthCorpus.Case> cases) {
        List<TruthCorpus.Case> out = new java.util.ArrayList<>();
        for (TruthCorpus.Case c : cases) {
            List<jp.shinsa.models.ExtractedDocument> docs = new java.util.ArrayList<>();
            for (var d : c.application().documents()) {
                if (d.type() == jp.shinsa.models.DocumentType.QUOTE && d.items().isEmpty()) {
                    List<jp.shinsa.models.RequestedItem> lines = quoteLines(corpus.resolve(c.application().name()).resolve(d.file()));
                    d = new jp.shinsa.models.ExtractedDocument(d.file(), d.type(), d.pages(), d.ocr(), d.error(), d.unit(),
                            d.figures(), d.comparisonDeltas(), lines, d.subsidy(), d.program(), d.applicant(),
                            d.unmappedRows(), d.text());
                }
                docs.add(d);
            }
            out.add(new TruthCorpus.Case(new jp.shinsa.models.ExtractedApplication(c.application().name(), docs), c.truth()));
        }
        return out;
    }

    private static List<jp.shinsa.models.RequestedItem> quoteLines(Path pdf) {
        try {
            Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            List<jp.shinsa.models.RequestedItem> lines = new java.util.ArrayList<>();
            for (String line : text.split("\\R")) {
                var m = QUOTE_LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                String[] cols = m.group(2).trim().split("\\s{2,}");
                lines.add(new jp.shinsa.models.RequestedItem(Integer.parseInt(m.group(1)), cols[0],
                        cols.length > 1 ? cols[1] : null, cols.length > 2 ? cols[2] : null, Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4).replace(",", "")), Long.parseLong(m.group(5).replace(",", "")), null,
                        jp.shinsa.models.SourceLocation.ofPage(pdf.getFileName().toString(), 1)));
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
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
