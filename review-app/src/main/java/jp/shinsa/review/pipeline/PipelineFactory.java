package jp.shinsa.review.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.models.Finding;
import jp.shinsa.models.PastGrant;
import jp.shinsa.scoring.ApplicationCheck;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.scoring.checks.ConsistencyChecker;
import jp.shinsa.scoring.fit.PastGrantCsv;
import jp.shinsa.scoring.fit.EmbeddingPurposeFitScorer;
import jp.shinsa.scoring.fit.PurposeFitArtefact;
import jp.shinsa.scoring.fit.PurposeFitTrainer;
import jp.shinsa.scoring.fit.UnitPriceOutlierCheck;
import jp.shinsa.scoring.risk.RiskBands;
import jp.shinsa.scoring.risk.RiskModels;
import jp.shinsa.scoring.risk.RiskTrainer;
import jp.shinsa.scoring.risk.TrainedRiskModel;

/**
 * Builds the review pipeline from the same parts for the command line (outside Spring) and the
 * workbench ({@code config.ScoringConfiguration}): the consistency checks, and the unit-price check
 * of whichever purpose-fit model is active (it compares prices with that model's past grants).
 */
public final class PipelineFactory {
    private PipelineFactory() {
    }

    /** The checks every review runs, in the order their findings are listed. */
    public static List<ApplicationCheck> standardChecks(Supplier<PurposeFitScorer> fit) {
        List<ApplicationCheck> checks = new ArrayList<>();
        checks.add(new ConsistencyChecker());
        checks.add((application, program) -> {
            PurposeFitScorer scorer = fit.get();
            if (scorer instanceof EmbeddingPurposeFitScorer embedding) {
                return new UnitPriceOutlierCheck(embedding.model()).check(application, program);
            }
            return List.<Finding>of();
        });
        return checks;
    }

    public static ReviewPipeline standalone(Supplier<RiskModel> risk, Supplier<PurposeFitScorer> fit) {
        return standalone(new ApplicationReader(), risk, fit);
    }

    /** The same with a reader of the caller's (worker processes: {@link ChildJvmApplicationReader}). */
    public static ReviewPipeline standalone(ApplicationFilesReader reader, Supplier<RiskModel> risk, Supplier<PurposeFitScorer> fit) {
        return new ReviewPipeline(reader, standardChecks(fit), risk, fit, ReviewPipeline.ProgramDirectory.builtIn());
    }

    /** The demo past applicants shipped with the scoring module (the columns the admin import accepts). */
    public static byte[] demoPastApplicants() {
        return resource("past-applicants.csv");
    }

    /** The demo past grants shipped with the scoring module. */
    public static byte[] demoPastGrants() {
        return resource("past-grants.csv");
    }

    /**
     * The default risk model, trained on the demo past applicants (deterministic apart from its
     * version). Trained once per JVM: several workbench contexts in one test run share it.
     */
    public static synchronized TrainedRiskModel defaultRiskModel() {
        if (defaultRisk == null) {
            defaultRisk = trainDefaultRisk();
        }
        return defaultRisk;
    }

    /** The default purpose-fit model, trained on the demo past grants; once per JVM. */
    public static synchronized PurposeFitArtefact defaultPurposeFitModel() {
        if (defaultFit == null) {
            defaultFit = trainDefaultFit();
        }
        return defaultFit;
    }

    private static TrainedRiskModel defaultRisk;
    private static PurposeFitArtefact defaultFit;

    private static TrainedRiskModel trainDefaultRisk() {
        return new RiskTrainer().train("demo/past-applicants.csv", demoPastApplicants(), RiskModels.DEFAULT_LABEL,
                RiskTrainer.Options.defaults().withFolds(5).withBaselines(List.of())).trained();
    }

    private static PurposeFitArtefact trainDefaultFit() {
        List<PastGrant> grants = new PastGrantCsv().read(new StringReader(
                new String(demoPastGrants(), StandardCharsets.UTF_8))).requireClean();
        return new PurposeFitTrainer().train(grants);
    }

    private static byte[] resource(String name) {
        try (InputStream in = RiskModels.class.getResourceAsStream("/jp/shinsa/scoring/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo data " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RiskModel loadRisk(byte[] bytes, RiskBands bands) {
        return RiskModels.load(bytes, bands);
    }

    public static PurposeFitScorer loadPurposeFit(byte[] bytes) {
        return EmbeddingPurposeFitScorer.of(PurposeFitArtefact.fromBytes(bytes));
    }
}
