package jp.shinsa.review.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.Finding;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RiskScore;
import jp.shinsa.scoring.ApplicationCheck;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;

/**
 * The first pass over one application: read every file, run the checks, score risk and purpose
 * fit. Used alike by the command line and the workbench, so both give the same result. The models
 * are asked for through suppliers because the workbench can promote another model at any time.
 */
public final class ReviewPipeline {
    private final ApplicationFilesReader reader;
    private final List<ApplicationCheck> checks;
    private final Supplier<RiskModel> riskModel;
    private final Supplier<PurposeFitScorer> fitScorer;
    private final ProgramDirectory programs;

    public ReviewPipeline(ApplicationFilesReader reader, List<ApplicationCheck> checks, Supplier<RiskModel> riskModel,
                          Supplier<PurposeFitScorer> fitScorer, ProgramDirectory programs) {
        this.reader = Objects.requireNonNull(reader);
        this.checks = List.copyOf(checks);
        this.riskModel = Objects.requireNonNull(riskModel);
        this.fitScorer = Objects.requireNonNull(fitScorer);
        this.programs = Objects.requireNonNull(programs);
    }

    /** Programs by code; the workbench's are configuration, the command line uses programs.csv. */
    @FunctionalInterface
    public interface ProgramDirectory {
        Program find(String code);

        static ProgramDirectory builtIn() {
            return code -> Catalogs.program(code).orElse(null);
        }
    }

    public ApplicationReview review(Path folder, String programOverride) {
        return review(reader.read(folder), programOverride);
    }

    public ApplicationReview review(String name, List<Path> files, String programOverride) {
        return review(reader.read(name, files), programOverride);
    }

    /** Checks and scores an application already read (also after an examiner's correction). */
    public ApplicationReview review(ExtractedApplication application, String programOverride) {
        String programCode = programOverride != null ? programOverride : application.program();
        Program program = programCode == null ? null : programs.find(programCode);
        List<Finding> findings = new ArrayList<>();
        for (ApplicationCheck check : checks) {
            findings.addAll(check.check(application, program));
        }
        RiskModel risk = riskModel.get();
        RiskScore riskScore = risk == null ? null : risk.score(application);
        PurposeFitScorer fit = fitScorer.get();
        List<PurposeFitScore> itemScores = fit == null ? List.of() : fit.score(application, program);
        Long computed = null;
        var subsidy = application.applicationForm().map(d -> d.subsidy()).orElse(null);
        if (program != null && subsidy != null && subsidy.total() != null) {
            computed = program.subsidyFor(subsidy.total());
        }
        return new ApplicationReview(application, programCode, findings, riskScore, itemScores, computed);
    }
}
