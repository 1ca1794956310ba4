package jp.shinsa.scoring.fit;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SimilarGrant;
import jp.shinsa.models.Text;
import weka.core.DenseInstance;
import weka.core.Instance;

/**
 * A loaded purpose-fit artefact: the past-grant index and the trained classifier. Scores one item
 * for one program with its evidence; finds comparable past decisions (for unit prices). Thread-safe.
 */
public final class PurposeFitModel {
    /** Combined similarity at which a past decision is shown as evidence for the item. */
    static final double EVIDENCE_SIMILARITY = 0.6;

    private final PurposeFitArtefact artefact;
    private final FitPayload payload;
    private final FitIndex index;
    private final Map<String, float[]> purposeCache = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Float>> purposeLexCache = new ConcurrentHashMap<>();

    private PurposeFitModel(PurposeFitArtefact artefact) {
        this.artefact = artefact;
        this.payload = FitPayload.fromBytes(artefact.payload());
        this.index = payload.index;
    }

    public static PurposeFitModel load(PurposeFitArtefact artefact) {
        return new PurposeFitModel(artefact);
    }

    public String version() {
        return artefact.version();
    }

    public PurposeFitArtefact artefact() {
        return artefact;
    }

    FitIndex index() {
        return index;
    }

    /** The past grants the model was trained on, in file order. */
    public List<PastGrant> pastGrants() {
        return index.grants();
    }

    /** A past decision with its combined similarity (mean of embedding and lexical cosine) to a query. */
    public record Neighbour(PastGrant grant, double similarity, double embeddingSimilarity, double lexicalSimilarity) {
    }

    /** Past decisions in descending similarity to an item (any program, any decision). */
    public List<Neighbour> neighbours(String itemName, String spec, int limit) {
        FitIndex.Query q = query(JapaneseText.itemText(itemName, spec));
        return neighbours(q, limit);
    }

    /**
     * Past decisions whose item name is lexically similar to {@code itemName} (kuromoji tokens and
     * character bigrams, idf-weighted cosine; the spec is ignored), most similar first.
     */
    public List<Neighbour> sameNamed(String itemName, double minSimilarity) {
        double[] sims = index.nameSimilarities(itemName);
        List<PastGrant> grants = index.grants();
        List<Neighbour> out = new ArrayList<>();
        for (int g = 0; g < sims.length; g++) {
            if (sims[g] >= minSimilarity) {
                out.add(new Neighbour(grants.get(g), sims[g], Double.NaN, sims[g]));
            }
        }
        out.sort(Comparator.comparingDouble(n -> -n.similarity()));
        return out;
    }

    /** One item to score with its matching catalogue (file and text both null when none). */
    public record ItemInput(RequestedItem item, String catalogueFile, String catalogue) {
    }

    /** Scores one item; {@code catalogue} is the text of a matching catalogue (null when none). */
    public PurposeFitScore score(RequestedItem item, Program program, String catalogueFile, String catalogue) {
        return score(List.of(new ItemInput(item, catalogueFile, catalogue)), program).get(0);
    }

    /** Scores items of one application; their texts are embedded in one batch (several times faster). */
    public List<PurposeFitScore> score(List<ItemInput> inputs, Program program) {
        // Names and catalogue descriptions in separate batches: a batch is padded to its longest text.
        List<String> names = new ArrayList<>();
        List<String> descs = new ArrayList<>();
        for (ItemInput in : inputs) {
            String text = JapaneseText.itemText(in.item().name(), in.item().spec());
            names.add(text);
            if (hasCatalogue(in)) {
                descs.add(text + " " + CatalogueMatcher.features(in.catalogue(), in.item(), 160));
            }
        }
        float[][] nameEmbs = BgeEmbedder.embed(names);
        float[][] descEmbs = descs.isEmpty() ? new float[0][] : BgeEmbedder.embed(descs);
        List<String> texts = new ArrayList<>();
        float[][] embs = new float[inputs.size() * 2][];
        int d = 0;
        for (int i = 0; i < inputs.size(); i++) {
            texts.add(names.get(i));
            embs[2 * i] = nameEmbs[i];
            if (hasCatalogue(inputs.get(i))) {
                texts.add(descs.get(d));
                embs[2 * i + 1] = descEmbs[d++];
            } else {
                texts.add(names.get(i));
                embs[2 * i + 1] = nameEmbs[i];
            }
        }
        List<PurposeFitScore> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ItemInput in = inputs.get(i);
            String text = texts.get(2 * i);
            String desc = texts.get(2 * i + 1);
            Map<String, Float> lex = index.lexical(text);
            FitIndex.Query q = index.query(text, embs[2 * i], lex);
            // without a catalogue the description is the name itself: its vector is the same
            out.add(score(in.item(), program, in.catalogueFile(), in.catalogue(), q, embs[2 * i + 1],
                    desc.equals(text) ? lex : index.lexical(desc)));
        }
        return out;
    }

    private static boolean hasCatalogue(ItemInput in) {
        return in.catalogue() != null && !in.catalogue().isBlank();
    }

    private PurposeFitScore score(RequestedItem item, Program program, String catalogueFile, String catalogue,
                                  FitIndex.Query q, float[] descEmb, Map<String, Float> descLex) {
        int p = index.programIndex(program.code());
        float[] pe = purposeEmbedding(program);
        Map<String, Float> pl = purposeLexical(program);
        double[] f = index.features(q, descEmb, descLex, p, pe, pl, null);
        double prob = probability(f);
        FitHint hint = prob >= payload.fitAt ? FitHint.FIT : prob < payload.unfitAt ? FitHint.UNFIT : FitHint.REVIEW;
        List<Neighbour> near = neighbours(q, 60);
        List<Text> reasons = reasons(item, program, prob, hint, q, near, catalogueFile, catalogue);
        List<SimilarGrant> similar = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        // Prefer the program's own decisions, then others; one grant per (name, program, decision).
        List<Neighbour> ordered = new ArrayList<>(near.stream().limit(30).toList());
        ordered.sort(Comparator.comparingDouble((Neighbour n) -> -(n.similarity()
                + (n.grant().program().equals(program.code()) ? 0.05 : 0))));
        for (Neighbour n : ordered) {
            PastGrant g = n.grant();
            if (similar.size() < 5 && shown.add(g.itemName() + "|" + g.program() + "|" + g.decision())) {
                similar.add(new SimilarGrant(g.id(), clamp01(n.similarity()), g.decision().name(), g.itemName(),
                        g.program(), g.unitPrice(), g.reasonJa().isEmpty() ? null : g.reasonJa()));
            }
        }
        return new PurposeFitScore(item.no(), Math.round(prob * 1000) / 10.0, hint, reasons, similar, version());
    }

    double probability(double[] f) {
        Instance x = new DenseInstance(1, java.util.Arrays.copyOf(f, f.length + 1));
        x.setDataset(payload.header);
        x.setClassMissing();
        try {
            // Weka's Logistic runs its filters on the instance: not thread-safe.
            synchronized (payload.classifier) {
                return payload.classifier.distributionForInstance(x)[1];
            }
        } catch (Exception e) {
            throw new IllegalStateException("purpose-fit model failed", e);
        }
    }

    FitIndex.Query query(String text) {
        return index.query(text, BgeEmbedder.embed(text), index.lexical(text));
    }

    private float[] purposeEmbedding(Program program) {
        String t = purposeText(program);
        int p = index.programIndex(program.code());
        if (p >= 0 && index.purposeTexts[p].equals(t)) {
            return index.purposeEmb[p];
        }
        return purposeCache.computeIfAbsent(t, BgeEmbedder::embed);
    }

    /** The lexical vector of the program's purpose, made once per purpose text (kuromoji is deterministic). */
    private Map<String, Float> purposeLexical(Program program) {
        return purposeLexCache.computeIfAbsent(purposeText(program), index::lexical);
    }

    private static String purposeText(Program program) {
        return program.purposeJa() == null || program.purposeJa().isBlank() ? program.nameJa() : program.purposeJa();
    }

    /**
     * The {@code limit} past decisions most similar to the query, most similar first, equal ones in
     * grant order: the head of a stable sort of all of them by descending similarity, selected in
     * one pass without sorting (or making a {@link Neighbour} of) every grant.
     */
    private List<Neighbour> neighbours(FitIndex.Query q, int limit) {
        List<PastGrant> grants = index.grants();
        int k = Math.max(0, Math.min(limit, grants.size()));
        if (k == 0) {
            return List.of();
        }
        int[] top = new int[k];
        double[] keys = new double[k];
        int n = 0;
        for (int g = 0; g < grants.size(); g++) {
            // the sort's key: the negated similarity, compared as Double.compare does
            double key = -q.combined(index.textOf(g));
            if (n == k && Double.compare(key, keys[n - 1]) >= 0) {
                continue;
            }
            int i = n < k ? n++ : k - 1;
            while (i > 0 && Double.compare(keys[i - 1], key) > 0) {
                keys[i] = keys[i - 1];
                top[i] = top[i - 1];
                i--;
            }
            keys[i] = key;
            top[i] = g;
        }
        List<Neighbour> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int t = index.textOf(top[i]);
            out.add(new Neighbour(grants.get(top[i]), q.combined(t), q.simE()[t], q.simL()[t]));
        }
        return out;
    }

    private List<Text> reasons(RequestedItem item, Program program, double prob, FitHint hint, FitIndex.Query q,
                               List<Neighbour> near, String catalogueFile, String catalogue) {
        List<Text> out = new ArrayList<>();
        String pct = String.format(Locale.ROOT, "%.0f%%", prob * 100);
        out.add(switch (hint) {
            case FIT -> new Text("事業目的に合致する可能性が高い（適合確率 " + pct + "）",
                    "likely to serve the program's purpose (probability " + pct + ")");
            case UNFIT -> new Text("事業目的に合致しない可能性が高い（適合確率 " + pct + "）",
                    "unlikely to serve the program's purpose (probability " + pct + ")");
            case REVIEW -> new Text("判断が分かれるため確認が必要（適合確率 " + pct + "）",
                    "evidence is mixed; please review (probability " + pct + ")");
        });
        // (a) past decisions in this program
        List<Neighbour> same = near.stream().filter(n -> n.grant().program().equals(program.code())
                && n.similarity() >= EVIDENCE_SIMILARITY).limit(FitIndex.K * 2).toList();
        if (same.isEmpty()) {
            out.add(new Text("本事業（" + program.nameJa() + "）に類似品の過去交付実績はありません",
                    "no similar item has been decided in this program (" + nameEn(program) + ") before"));
        } else {
            long fit = same.stream().filter(n -> n.grant().decision().fitted()).count();
            Neighbour best = same.get(0);
            out.add(new Text("本事業の類似過去案件 " + same.size() + "件のうち交付（減額含む）" + fit + "件・不採択"
                    + (same.size() - fit) + "件（最も近い例: " + best.grant().itemName() + " " + best.grant().id() + " "
                    + decisionJa(best.grant()) + "、類似度 " + f2(best.similarity()) + "）",
                    fit + " of " + same.size() + " similar past decisions in this program were granted, "
                            + (same.size() - fit) + " rejected (closest: " + best.grant().itemName() + " "
                            + best.grant().id() + " " + decisionEn(best.grant()) + ", similarity "
                            + f2(best.similarity()) + ")"));
            same.stream().filter(n -> !n.grant().decision().fitted()).findFirst().ifPresent(n -> out.add(new Text(
                    "不採択例: " + n.grant().itemName() + "（" + n.grant().id() + "）理由「" + n.grant().reasonJa() + "」",
                    "rejected example: " + n.grant().itemName() + " (" + n.grant().id() + "), reason: "
                            + reasonEn(n.grant().reasonJa()))));
        }
        // (a) the same kind of item in other programs: the same item can fit one program and not another
        Map<String, long[]> other = new LinkedHashMap<>();
        near.stream().filter(n -> !n.grant().program().equals(program.code()) && n.similarity() >= EVIDENCE_SIMILARITY)
                .limit(20).forEach(n -> other.computeIfAbsent(n.grant().program(), k -> new long[2])
                        [n.grant().decision().fitted() ? 0 : 1]++);
        if (!other.isEmpty()) {
            StringBuilder ja = new StringBuilder("他事業の類似案件: ");
            StringBuilder en = new StringBuilder("similar items in other programs: ");
            other.forEach((code, c) -> {
                Program o = Catalogs.program(code).orElse(null);
                ja.append(o == null ? code : o.nameJa()).append(" 交付").append(c[0]).append("件・不採択").append(c[1]).append("件　");
                en.append(o == null ? code : nameEn(o)).append(" ").append(c[0]).append(" granted, ").append(c[1])
                        .append(" rejected; ");
            });
            out.add(new Text(ja.toString().trim(), en.toString().replaceAll("; $", "")));
        }
        // (b) the program's purpose: similarity above what an unrelated item gets, against the other purposes
        int p = index.programIndex(program.code());
        double mine = BgeEmbedder.cosine(q.emb(), purposeEmbedding(program)) - index.purposeBaseline(p);
        String bestOther = null;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < index.programs.length; o++) {
            if (o != p) {
                double s = BgeEmbedder.cosine(q.emb(), index.purposeEmb[o]) - index.purposeBaseline(o);
                if (s > bestSim) {
                    bestSim = s;
                    bestOther = index.programs[o];
                }
            }
        }
        String otherJa = bestOther == null ? "" : "、他事業の目的で最も近いのは "
                + Catalogs.program(bestOther).map(Program::nameJa).orElse(bestOther) + " " + signed(bestSim);
        String otherEn = bestOther == null ? "" : "; closest other program: "
                + Catalogs.program(bestOther).map(PurposeFitModel::nameEn).orElse(bestOther) + " " + signed(bestSim);
        out.add(new Text("事業目的「" + purposeText(program) + "」との意味的類似度（過去品目の平均との差）" + signed(mine)
                + otherJa, "semantic similarity to the program's purpose \"" + (program.purposeEn() == null
                ? purposeText(program) : program.purposeEn()) + "\" above the average past item: " + signed(mine) + otherEn));
        // (c) product features
        if (catalogue != null && !catalogue.isBlank()) {
            String snippet = CatalogueMatcher.features(catalogue, item, 140);
            out.add(new Text("製品の特徴（" + catalogueFile + "）: " + snippet,
                    "product features (" + catalogueFile + "): " + snippet));
        } else if (item.spec() != null && !item.spec().isBlank()) {
            out.add(new Text("規格・型式: " + item.spec() + (item.maker() == null ? "" : "（" + item.maker() + "）"),
                    "specification: " + item.spec() + (item.maker() == null ? "" : " (" + item.maker() + ")")));
        }
        // (d) what rejection reasons teach: the nearest decisions rejected for a program-independent reason
        near.stream().limit(5).filter(n -> n.similarity() >= EVIDENCE_SIMILARITY && !n.grant().decision().fitted())
                .map(n -> Map.entry(RejectionReason.of(n.grant().reasonJa()), n)).filter(e -> e.getKey().general())
                .findFirst().ifPresent(e -> out.add(new Text(e.getKey().lesson().ja() + "（類似例: "
                        + e.getValue().grant().itemName() + " " + e.getValue().grant().id() + "）",
                        e.getKey().lesson().en() + " (similar: " + e.getValue().grant().itemName() + " "
                                + e.getValue().grant().id() + ")")));
        out.add(new Text("モデル " + version() + "（過去交付実績 " + artefact.trainingRows() + "件で学習）",
                "model " + version() + " (trained on " + artefact.trainingRows() + " past decisions)"));
        return out;
    }

    static String nameEn(Program p) {
        return p.nameEn() == null ? p.nameJa() : p.nameEn();
    }

    private static String decisionJa(PastGrant g) {
        return switch (g.decision()) {
            case AWARDED -> "交付";
            case REDUCED -> "減額交付";
            case REJECTED -> "不採択（" + g.reasonJa() + "）";
        };
    }

    private static String decisionEn(PastGrant g) {
        return switch (g.decision()) {
            case AWARDED -> "granted";
            case REDUCED -> "granted reduced";
            case REJECTED -> "rejected: " + reasonEn(g.reasonJa());
        };
    }

    static String reasonEn(String reasonJa) {
        RejectionReason r = RejectionReason.of(reasonJa);
        return switch (r) {
            case CONSUMABLE -> "consumables are not eligible";
            case MAINTENANCE -> "upkeep costs are not eligible";
            case CONSTRUCTION -> "construction is not eligible";
            case GENERAL_PURPOSE -> "general-purpose goods are not eligible";
            case VEHICLE -> "vehicles are not eligible in this program";
            case OFF_PURPOSE -> "does not serve the program's purpose";
            case PRICE -> "above the reference unit price";
            case OTHER -> reasonJa;
        };
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String yen(long v) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(v);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
