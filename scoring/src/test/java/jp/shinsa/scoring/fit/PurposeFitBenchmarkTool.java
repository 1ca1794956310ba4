package jp.shinsa.scoring.fit;

import java.util.ArrayList;
import java.util.List;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (needs nothing beside the checkout): index build and training time for
 * 2,000 past grants (demo data, or -Dshinsa.fit.grants=FILE) and items scored per second.
 * <pre>
 * ./mvnw -B -q -o -pl scoring test -Dtest=PurposeFitBenchmarkTool -Dsurefire.failIfNoSpecifiedTests=false -Dshinsa.fit.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "shinsa.fit.bench", matches = "true")
class PurposeFitBenchmarkTool {
    @Test
    void measure() {
        String source = System.getProperty("shinsa.fit.grants");
        List<PastGrant> grants = source == null ? DemoPastGrants.generate(DemoPastGrants.DEFAULT_SEED, 2000)
                : new PastGrantCsv().read(java.nio.file.Path.of(source)).requireClean();
        BgeEmbedder.embed("ウォームアップ"); // model loading is not index building
        long t0 = System.nanoTime();
        PurposeFitArtefact artefact = new PurposeFitTrainer().train(grants);
        long t1 = System.nanoTime();
        byte[] bytes = artefact.toBytes();
        long t2 = System.nanoTime();
        PurposeFitModel model = PurposeFitModel.load(PurposeFitArtefact.fromBytes(bytes));
        long t3 = System.nanoTime();
        System.out.printf("BENCH %d past grants (%s): build index + train + cross-validate %.1f s (index %.1f s, "
                        + "train+cv %.1f s, %d distinct texts); artefact %d bytes; load %.2f s; metrics %s%n",
                grants.size(), source == null ? "demo" : source, (t1 - t0) / 1e9, artefact.metrics().get("indexSeconds"),
                artefact.metrics().get("trainSeconds"), artefact.metrics().get("distinctItemTexts").intValue(),
                bytes.length, (t3 - t2) / 1e9, artefact.metrics());
        List<RequestedItem> items = new ArrayList<>();
        int no = 1;
        for (PastGrant g : grants.subList(0, 300)) {
            items.add(FitModelFixture.item(no++, g.itemName(), g.spec(), g.unitPrice()));
        }
        Program program = Catalogs.program("emergency").orElseThrow();
        EmbeddingPurposeFitScorer scorer = new EmbeddingPurposeFitScorer(model);
        UnitPriceOutlierCheck check = new UnitPriceOutlierCheck(model);
        for (int i = 0; i < 50; i++) { // warm-up
            scorer.score(items.get(i), program);
        }
        // applications of 5 items, as in a review
        long s0 = System.nanoTime();
        for (int from = 0; from < items.size(); from += 5) {
            var app = FitModelFixture.application("emergency", items.subList(from, Math.min(items.size(), from + 5)));
            scorer.score(app, program);
            check.check(app, program);
        }
        long s1 = System.nanoTime();
        long e0 = System.nanoTime();
        BgeEmbedder.embed(items.stream().map(i -> JapaneseText.itemText(i.name(), i.spec())).toList());
        long e1 = System.nanoTime();
        System.out.printf("BENCH scored %d items (with the unit-price check) in %.2f s: %.0f items/s; embedding alone %.0f texts/s%n",
                items.size(), (s1 - s0) / 1e9, items.size() / ((s1 - s0) / 1e9), items.size() / ((e1 - e0) / 1e9));
    }
}
