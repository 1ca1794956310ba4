package jp.shinsa.scoring.risk;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.shinsa.models.RiskScore;
import jp.shinsa.scoring.corpus.TruthCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Development tool, not a test: scores the dev corpus' perfect extraction (truth) with the default
 * model, or with a model trained on {@code -Dshinsa.risk.trainOn=FILE.csv}, and writes JSON lines
 * for {@code score.py}. Runs only when asked:
 *
 * <pre>
 * ./mvnw -q -o -pl scoring test -Dtest=RiskCorpusDevTool -Dshinsa.risk.corpusOut=/tmp/risk.jsonl
 * python3 ../shared/tools/score.py --truth ../shared/corpus/dev/truth --results /tmp/risk.jsonl
 * </pre>
 */
@EnabledIfSystemProperty(named = "shinsa.risk.corpusOut", matches = ".+")
class RiskCorpusDevTool {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void write_risk_scores_of_the_dev_corpus() throws IOException {
        Path corpus = TruthCorpus.locate().orElseThrow(() -> new IllegalStateException("no ../shared/corpus/dev"));
        String trainOn = System.getProperty("shinsa.risk.trainOn");
        TrainedRiskModel trained = trainOn == null || trainOn.isBlank() ? RiskModels.trainDefault()
                : new RiskTrainer().train(Path.of(trainOn), RiskModels.DEFAULT_LABEL,
                        RiskTrainer.Options.defaults().withFolds(0).withBaselines(List.of())).trained();
        ExplainedRiskModel model = RiskModels.load(trained, RiskBands.DEFAULT);
        Path out = Path.of(System.getProperty("shinsa.risk.corpusOut"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (TruthCorpus.Case c : TruthCorpus.load(corpus)) {
                RiskScore s = model.score(c.application());
                ObjectNode line = JSON.createObjectNode();
                line.put("application", c.application().name());
                ObjectNode risk = line.putObject("risk");
                risk.put("score", s.score());
                risk.put("band", s.band().name());
                risk.put("modelVersion", s.modelVersion());
                var factors = risk.putArray("factors");
                s.factors().forEach(f -> factors.addObject().put("feature", f.feature())
                        .put("value", f.value()).put("contribution", f.contribution())
                        .put("reason", f.reason().ja()).put("reasonEn", f.reason().en()).put("source", f.source()));
                w.println(JSON.writeValueAsString(line));
                System.out.printf("%s %s %.2f %s%n", c.application().name(), c.truth().path("riskState").asString(),
                        s.score(), s.band());
            }
        }
    }
}
