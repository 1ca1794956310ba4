package jp.shinsa.scoring.fit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Finding;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.scoring.corpus.TruthCorpus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Development tool, not a test: measures purpose fit and the unit-price rule on the dev corpus.
 * <pre>
 * ./mvnw -B -q -o -pl scoring -am test -Dtest=PurposeFitCorpusTool -Dsurefire.failIfNoSpecifiedTests=false \
 *    -Dshinsa.fit.corpus=true [-Dshinsa.fit.grants=/work/shared/data/past-grants.csv | -Dshinsa.fit.grants=demo] \
 *    [-Dshinsa.fit.out=/tmp/fit.jsonl]
 * python3 /work/shared/tools/score.py --truth /work/shared/corpus/dev/truth --results /tmp/fit.jsonl
 * </pre>
 * Catalogue texts are read from the corpus' CATALOG PDFs with PDFBox (the truth has no texts).
 */
@EnabledIfSystemProperty(named = "shinsa.fit.corpus", matches = "true")
class PurposeFitCorpusTool {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measure() throws IOException {
        Path corpus = TruthCorpus.locate().orElseThrow(() -> new IllegalStateException("no ../shared/corpus/dev"));
        String source = System.getProperty("shinsa.fit.grants", corpus.resolve("../../data/past-grants.csv").normalize().toString());
        List<PastGrant> grants = "demo".equals(source) ? DemoPastGrants.standard()
                : new PastGrantCsv().read(Path.of(source)).requireClean();
        long t0 = System.nanoTime();
        PurposeFitTrainer.Options d = PurposeFitTrainer.Options.defaults();
        PurposeFitTrainer.Options opts = new PurposeFitTrainer.Options(d.folds(),
                Double.parseDouble(System.getProperty("shinsa.fit.tau", String.valueOf(d.typeSimilarity()))),
                d.fitAt(), d.unfitAt(), Double.parseDouble(System.getProperty("shinsa.fit.ridge", String.valueOf(d.ridge()))),
                d.seed());
        PurposeFitArtefact artefact = new PurposeFitTrainer(opts).train(grants);
        long t1 = System.nanoTime();
        System.out.printf("trained on %d grants (%s) in %.1f s: %s%n", grants.size(), source, (t1 - t0) / 1e9, artefact);
        PurposeFitModel model = PurposeFitModel.load(PurposeFitArtefact.fromBytes(artefact.toBytes()));
        EmbeddingPurposeFitScorer scorer = new EmbeddingPurposeFitScorer(model);
        UnitPriceOutlierCheck outliers = new UnitPriceOutlierCheck(model);
        Path out = Path.of(System.getProperty("shinsa.fit.out", "/tmp/fit.jsonl"));
        int items = 0;
        long scoringNanos = 0;
        int expectedOutliers = 0, foundOutliers = 0, falseOutliers = 0;
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (TruthCorpus.Case c : TruthCorpus.load(corpus)) {
                ExtractedApplication app = withCatalogueTexts(corpus, c.application());
                Program program = Catalogs.program(c.truth().path("program").asString()).orElseThrow();
                long s0 = System.nanoTime();
                List<PurposeFitScore> scores = scorer.score(app, program);
                scoringNanos += System.nanoTime() - s0;
                items += scores.size();
                ObjectNode line = JSON.createObjectNode();
                line.put("application", app.name());
                ArrayNode arr = line.putArray("items");
                Map<Integer, JsonNode> truthItems = new LinkedHashMap<>();
                c.truth().path("items").forEach(i -> truthItems.put(i.path("no").asInt(), i));
                for (int k = 0; k < scores.size(); k++) {
                    PurposeFitScore s = scores.get(k);
                    RequestedItem it = app.items().get(k);
                    ObjectNode o = arr.addObject();
                    o.put("no", s.itemNo());
                    o.put("name", it.name());
                    o.put("purposeFit", s.purposeFit());
                    o.put("hint", s.hint().name());
                    JsonNode t = truthItems.get(s.itemNo());
                    if (Boolean.getBoolean("shinsa.fit.verbose") || (t.path("fit").asInt() == 1) != (s.purposeFit() >= 50)) {
                        System.out.printf("%s %s #%d %s [%s %s fit=%d] -> %.1f %s%n", app.name(), program.code(), s.itemNo(),
                                it.name(), t.path("group").asString(), t.path("itemType").asString(), t.path("fit").asInt(),
                                s.purposeFit(), s.hint());
                        if (Boolean.getBoolean("shinsa.fit.reasons")) {
                            s.reasons().forEach(r -> System.out.println("     " + r.ja()));
                        }
                    }
                }
                List<Finding> fs = outliers.check(app, program);
                if (Boolean.getBoolean("shinsa.fit.prices")) {
                    for (RequestedItem it : app.items()) {
                        outliers.compare(it).ifPresent(pc -> System.out.printf("PRICE %s #%d %s ratio %.2f of %d%n",
                                app.name(), it.no(), it.name(), pc.ratio(), pc.comparables()));
                    }
                }
                for (JsonNode e : c.truth().path("expected")) {
                    if ("UNIT_PRICE_OUTLIER".equals(e.path("code").asString())) {
                        expectedOutliers++;
                        if (fs.stream().anyMatch(f -> f.item() != null && f.item() == e.path("item").asInt())) {
                            foundOutliers++;
                        }
                    }
                }
                for (Finding f : fs) {
                    boolean expected = false;
                    for (JsonNode e : c.truth().path("expected")) {
                        expected |= "UNIT_PRICE_OUTLIER".equals(e.path("code").asString()) && e.path("item").asInt() == f.item();
                    }
                    if (!expected) {
                        falseOutliers++;
                    }
                    System.out.println("OUTLIER " + app.name() + " #" + f.item() + (expected ? " (expected) " : " (FALSE) ")
                            + f.message().ja() + " / " + f.message().en());
                }
                line.set("findings", JSON.valueToTree(fs.stream().map(f -> Map.of("code", f.code().name(),
                        "severity", f.severity().name(), "item", f.item(), "documentType", String.valueOf(f.documentType()),
                        "file", String.valueOf(f.file()), "message", f.message().ja())).toList()));
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        System.out.printf("scored %d items in %.2f s (%.1f items/s); outliers expected %d found %d false %d; results %s%n",
                items, scoringNanos / 1e9, items / (scoringNanos / 1e9), expectedOutliers, foundOutliers, falseOutliers, out);
    }

    private static ExtractedApplication withCatalogueTexts(Path corpus, ExtractedApplication app) throws IOException {
        List<ExtractedDocument> docs = new ArrayList<>();
        for (ExtractedDocument d : app.documents()) {
            if (d.type() == DocumentType.CATALOG && d.readable()) {
                Path pdf = corpus.resolve(app.name()).resolve(d.file());
                String text = "";
                if (Files.exists(pdf) && pdf.toString().toLowerCase().endsWith(".pdf")) {
                    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                        text = new PDFTextStripper().getText(doc);
                    }
                }
                docs.add(new ExtractedDocument(d.file(), d.type(), d.pages(), d.ocr(), null, d.unit(), d.figures(),
                        d.comparisonDeltas(), d.items(), d.subsidy(), d.program(), d.applicant(), d.unmappedRows(), text));
            } else {
                docs.add(d);
            }
        }
        return new ExtractedApplication(app.name(), docs);
    }
}
