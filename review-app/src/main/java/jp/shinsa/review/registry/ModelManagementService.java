package jp.shinsa.review.registry;

import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.GrantDecision;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.RiskScore;
import jp.shinsa.models.Sha256;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ExtractionJson;
import jp.shinsa.review.program.ProgramService;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.scoring.fit.EmbeddingPurposeFitScorer;
import jp.shinsa.scoring.fit.PastGrantCsv;
import jp.shinsa.scoring.fit.PurposeFitArtefact;
import jp.shinsa.scoring.fit.PurposeFitTrainer;
import jp.shinsa.scoring.risk.RiskTrainer;
import jp.shinsa.scoring.risk.TrainedRiskModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin work on the models: import training data (all-or-nothing, row by row validation), train a
 * candidate, compare it with the active model on the same held-out data and on a backtest over past
 * decisions, promote or roll back with a reason. See docs/decisions/009-model-management.md.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class ModelManagementService {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TrainingData data;
    private final ModelRegistry registry;
    private final ActiveModels active;
    private final ProgramService programs;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ModelManagementService(TrainingData data, ModelRegistry registry, ActiveModels active, ProgramService programs,
                           AuditLog audit, JdbcClient jdbc, TransactionTemplate tx) {
        this.data = data;
        this.registry = registry;
        this.active = active;
        this.programs = programs;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What an import did: the rows added, or (then nothing was imported) every bad row with its reason. */
    public record ImportResult(boolean imported, int added, List<String> badRows) {
    }

    public ImportResult importPastGrants(String actor, String fileName, byte[] csv) {
        var read = new PastGrantCsv(Set.copyOf(programs.list().stream().map(Program::code).toList()))
                .read(new StringReader(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "")));
        List<String> bad = new ArrayList<>(read.badRows().stream()
                .map(b -> "line " + b.line() + (b.id() == null ? "" : " (" + b.id() + ")") + ": " + b.reason().ja()).toList());
        Set<String> existing = data.existingGrantIds();
        read.accepted().stream().filter(g -> existing.contains(g.id()))
                .forEach(g -> bad.add(g.id() + ": 既に取り込み済みです / already imported"));
        if (!bad.isEmpty() || read.accepted().isEmpty()) {
            if (bad.isEmpty()) {
                bad.add("no rows / 行がありません");
            }
            return new ImportResult(false, 0, bad);
        }
        tx.executeWithoutResult(s -> {
            long batch = data.insertBatch("PAST_GRANTS", fileName, sha256(csv), read.accepted().size(), actor);
            read.accepted().forEach(g -> data.insertGrant(g, batch));
            audit.record(actor, "PAST_GRANTS_IMPORTED", null, Map.of("file", fileName, "rows", read.accepted().size(),
                    "batch", batch));
        });
        return new ImportResult(true, read.accepted().size(), List.of());
    }

    public ImportResult importPastApplicants(String actor, String fileName, byte[] csv) {
        var read = TrainingData.readApplicants(csv);
        List<String> bad = new ArrayList<>(read.badRows());
        Set<String> existing = data.existingApplicantIds();
        read.rows().stream().filter(a -> existing.contains(a.id())).forEach(a -> bad.add(a.id() + ": already imported"));
        if (!bad.isEmpty() || read.rows().isEmpty()) {
            if (bad.isEmpty()) {
                bad.add("no rows / 行がありません");
            }
            return new ImportResult(false, 0, bad);
        }
        tx.executeWithoutResult(s -> {
            long batch = data.insertBatch("PAST_APPLICANTS", fileName, sha256(csv), read.rows().size(), actor);
            read.rows().forEach(a -> data.insertApplicant(a, batch));
            audit.record(actor, "PAST_APPLICANTS_IMPORTED", null, Map.of("file", fileName, "rows", read.rows().size(),
                    "batch", batch));
        });
        return new ImportResult(true, read.rows().size(), List.of());
    }

    public List<ImportBatch> imports() {
        return data.batches();
    }

    /**
     * Trains a candidate in the background. The role is checked here, in the caller's thread; the
     * training thread carries no security context of its own.
     */
    public java.util.concurrent.CompletableFuture<ModelVersion> trainCandidateAsync(String actor, ModelKind kind) {
        ClassLoader loader = getClass().getClassLoader();
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> train(actor, kind), r -> {
            Thread t = new Thread(r, "train-candidate");
            t.setContextClassLoader(loader);
            t.setDaemon(true);
            t.start();
        });
    }

    /** Trains a candidate of {@code kind} on the training data less the held-out rows. */
    public ModelVersion trainCandidate(String actor, ModelKind kind) {
        return train(actor, kind);
    }

    private ModelVersion train(String actor, ModelKind kind) {
        if (kind == ModelKind.RISK) {
            List<TrainingData.Applicant> rows = data.applicants().stream().filter(a -> !TrainingData.heldOut(a.id())).toList();
            TrainedRiskModel m = new RiskTrainer().train(data.applicantsImported() ? "past_applicant" : "demo/past-applicants.csv",
                    TrainingData.applicantsCsv(rows), TrainingData.LABEL, RiskTrainer.Options.defaults().withFolds(5)
                            .withBaselines(List.of())).trained();
            registry.register(kind, m.version(), m.metadata().algorithm(), JSON.writeValueAsString(m.metadata().features()),
                    m.metadata().trainingDataSha256(), m.metadataJson(), actor, m.toBytes());
            return registry.find(m.version()).orElseThrow();
        }
        List<PastGrant> grants = data.grants().stream().filter(g -> !TrainingData.heldOut(g.id())).toList();
        PurposeFitArtefact a = new PurposeFitTrainer().train(grants);
        registry.register(kind, a.version(), a.algorithm(), "[]", a.trainingSha256(), JSON.writeValueAsString(a.metrics()),
                actor, a.toBytes());
        return registry.find(a.version()).orElseThrow();
    }

    /** One model's side of a comparison. */
    public record Side(String version, double heldOutAuc, int heldOutRows, double backtestAgreement) {
    }

    /** A case of the backtest where the two models disagree. */
    public record Disagreement(long applicationId, String application, String humanDecision, String active, String candidate) {
    }

    public record Comparison(ModelKind kind, Side active, Side candidate, int backtestCases, List<Disagreement> disagreements) {
    }

    /** Candidate against the active model: AUC on the same held-out rows, and a backtest over decided applications. */
    public Comparison compare(String candidateVersion) {
        ModelVersion candidate = registry.find(candidateVersion).orElseThrow(() -> new IllegalArgumentException(candidateVersion));
        ModelVersion current = registry.active(candidate.kind()).orElseThrow(() -> new IllegalStateException("no active model"));
        Object c = active.load(candidate);
        Object a = active.load(current);
        List<Backtest> backtest = backtestCases();
        if (candidate.kind() == ModelKind.RISK) {
            // Each model scores each decided case once; agreement and disagreements both come from these.
            List<RiskScore> ra = backtest.stream().map(b -> ((RiskModel) a).score(b.application())).toList();
            List<RiskScore> rc = backtest.stream().map(b -> ((RiskModel) c).score(b.application())).toList();
            List<TrainingData.Applicant> held = data.applicants().stream().filter(x -> TrainingData.heldOut(x.id())).toList();
            Side sa = riskSide(current.version(), (RiskModel) a, held, backtest, ra);
            Side sc = riskSide(candidate.version(), (RiskModel) c, held, backtest, rc);
            List<Disagreement> dis = new ArrayList<>();
            for (int i = 0; i < backtest.size(); i++) {
                if (ra.get(i).band() != rc.get(i).band()) {
                    Backtest b = backtest.get(i);
                    dis.add(new Disagreement(b.id(), b.name(), b.outcome(),
                            ra.get(i).band() + String.format(" %.1f", ra.get(i).score()),
                            rc.get(i).band() + String.format(" %.1f", rc.get(i).score())));
                }
            }
            return new Comparison(candidate.kind(), sa, sc, backtest.size(), dis);
        }
        List<List<FitHint>> ha = backtest.stream().map(b -> hints((PurposeFitScorer) a, b)).toList();
        List<List<FitHint>> hc = backtest.stream().map(b -> hints((PurposeFitScorer) c, b)).toList();
        List<PastGrant> held = data.grants().stream().filter(x -> TrainingData.heldOut(x.id())).toList();
        Side sa = fitSide(current.version(), (EmbeddingPurposeFitScorer) a, held, backtest, ha);
        Side sc = fitSide(candidate.version(), (EmbeddingPurposeFitScorer) c, held, backtest, hc);
        List<Disagreement> dis = new ArrayList<>();
        for (int i = 0; i < backtest.size(); i++) {
            if (!ha.get(i).equals(hc.get(i))) {
                Backtest b = backtest.get(i);
                dis.add(new Disagreement(b.id(), b.name(), b.outcome(), join(ha.get(i)), join(hc.get(i))));
            }
        }
        return new Comparison(candidate.kind(), sa, sc, backtest.size(), dis);
    }

    private List<FitHint> hints(PurposeFitScorer scorer, Backtest b) {
        return scorer.score(b.application(), programs.find(b.program())).stream().map(s -> s.hint()).toList();
    }

    private static String join(List<FitHint> hints) {
        return String.join(",", hints.stream().map(Enum::name).toList());
    }

    public void promote(String actor, String version, String reason) {
        registry.activate(version, reason, actor);
    }

    public String rollBack(String actor, ModelKind kind, String reason) {
        return registry.rollBack(kind, reason, actor);
    }

    public List<ModelVersion> models(ModelKind kind) {
        return registry.list(kind);
    }

    public List<ModelStatusChange> history(ModelKind kind) {
        return registry.history(kind);
    }

    private record Backtest(long id, String name, String program, String outcome, ExtractedApplication application) {
    }

    /** The decided applications (latest decision each), as they were read. */
    private List<Backtest> backtestCases() {
        return jdbc.sql("""
                SELECT a.id, a.name, a.program, a.extraction_json::text AS x,
                       (SELECT d.outcome FROM decision d WHERE d.application_id = a.id ORDER BY d.id DESC LIMIT 1) AS outcome
                FROM application a WHERE a.status = 'DECIDED' AND a.extraction_json IS NOT NULL ORDER BY a.id LIMIT 500""")
                .query((rs, i) -> new Backtest(rs.getLong("id"), rs.getString("name"), rs.getString("program"),
                        rs.getString("outcome"), ExtractionJson.read(rs.getString("x"))))
                .list();
    }

    private Side riskSide(String version, RiskModel model, List<TrainingData.Applicant> held, List<Backtest> backtest,
                          List<RiskScore> backtestScores) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (TrainingData.Applicant a : held) {
            double s = model.score(asApplication(a)).score();
            (a.distressed() == 1 ? pos : neg).add(s);
        }
        // Agreement: a high-risk band goes with a decision other than plain approval.
        long agree = java.util.stream.IntStream.range(0, backtest.size()).filter(i -> {
            boolean high = backtestScores.get(i).band() == jp.shinsa.models.RiskBand.HIGH;
            boolean cautious = !"APPROVE".equals(backtest.get(i).outcome());
            return high == cautious;
        }).count();
        return new Side(version, auc(pos, neg), held.size(), backtest.isEmpty() ? Double.NaN : (double) agree / backtest.size());
    }

    private Side fitSide(String version, EmbeddingPurposeFitScorer scorer, List<PastGrant> held, List<Backtest> backtest,
                         List<List<FitHint>> backtestHints) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (PastGrant g : held) {
            Program p = programs.find(g.program());
            if (p == null) {
                continue;
            }
            RequestedItem item = new RequestedItem(1, g.itemName(), g.spec(), g.maker(), g.quantity(), g.unitPrice(),
                    g.amount(), null, SourceLocation.ofFile("past_grant"));
            double s = scorer.score(item, p).purposeFit();
            (g.decision() == GrantDecision.REJECTED ? neg : pos).add(s);
        }
        // Agreement: an UNFIT hint goes with a decision other than plain approval.
        long agree = java.util.stream.IntStream.range(0, backtest.size()).filter(i -> {
            boolean unfit = backtestHints.get(i).contains(FitHint.UNFIT);
            return unfit == !"APPROVE".equals(backtest.get(i).outcome());
        }).count();
        return new Side(version, auc(pos, neg), held.size(), backtest.isEmpty() ? Double.NaN : (double) agree / backtest.size());
    }

    /** A past applicant's input-sheet accounts as an application the risk model can score. */
    static ExtractedApplication asApplication(TrainingData.Applicant a) {
        List<Figure> figures = new ArrayList<>();
        a.accounts().forEach((k, v) -> figures.add(new Figure("past_applicant", DocumentType.INPUT_SHEET, k, a.fiscalYear(), v,
                k, 1, 1.0, SourceLocation.ofFile("past_applicant"))));
        return new ExtractedApplication(a.id(), List.of(new ExtractedDocument("past_applicant", DocumentType.INPUT_SHEET, 1,
                false, null, 1, figures, List.of(), List.of(), null, null, null, List.of(), "")));
    }

    /** Mann–Whitney AUC, ties counted half; NaN when a class is empty. */
    static double auc(List<Double> pos, List<Double> neg) {
        if (pos.isEmpty() || neg.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double p : pos) {
            for (double n : neg) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) pos.size() * neg.size());
    }

    private static String sha256(byte[] b) {
        return Sha256.hex(b);
    }
}
