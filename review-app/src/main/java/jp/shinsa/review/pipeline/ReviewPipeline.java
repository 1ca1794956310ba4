package jp.shinsa.review.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
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
    private final Supplier<LearnedMappings> learned;

    public ReviewPipeline(ApplicationFilesReader reader, List<ApplicationCheck> checks, Supplier<RiskModel> riskModel,
                          Supplier<PurposeFitScorer> fitScorer, ProgramDirectory programs) {
        this(reader, checks, riskModel, fitScorer, programs, LearnedMappings::none);
    }

    /**
     * @param learned the row wordings examiners taught (the workbench's, from PostgreSQL), applied to
     *                every statement after reading; asked once per application read
     */
    public ReviewPipeline(ApplicationFilesReader reader, List<ApplicationCheck> checks, Supplier<RiskModel> riskModel,
                          Supplier<PurposeFitScorer> fitScorer, ProgramDirectory programs,
                          Supplier<LearnedMappings> learned) {
        this.learned = Objects.requireNonNull(learned);
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
        return review(taught(reader.read(folder)), programOverride);
    }

    public ApplicationReview review(String name, List<Path> files, String programOverride) {
        return review(taught(reader.read(name, files)), programOverride);
    }

    /**
     * The application with the taught wordings applied to its statements' rows. Done here, after
     * reading, rather than in the reader: reading may run in another process, the taught wordings
     * live in the workbench (docs/decisions/014-row-mappings-and-learned-wordings.md).
     */
    private ExtractedApplication taught(ExtractedApplication read) {
        LearnedMappings l = learned.get();
        if (read.documents().stream().noneMatch(d -> teaches(d, l))) {
            return read;
        }
        return new ExtractedApplication(read.name(), StatementSpreader.remapApplication(read.documents(), d -> l, d -> teaches(d, l)));
    }

    /**
     * Whether the taught wordings change the document: one of its rows has a taught wording, or was
     * mapped as taught before. Otherwise the reader's own spreading stands and is not solved again.
     */
    private static boolean teaches(ExtractedDocument d, LearnedMappings l) {
        return d.rows().stream().anyMatch(r -> r.mapping().taught()
                || l.find(d.type(), LearnedMappings.wordingKey(r.label())).isPresent());
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
