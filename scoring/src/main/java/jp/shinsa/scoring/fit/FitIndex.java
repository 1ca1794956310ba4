package jp.shinsa.scoring.fit;

import java.io.Serial;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.PastGrant;

/**
 * The past-grant index: one entry per distinct item text (name + descriptive spec words) with its
 * cached embedding and lexical vector, and the similarity features of a query against it. The
 * serialised form keeps the grants (as canonical CSV), the embeddings and the idf table; lexical
 * vectors and per-program sums are rebuilt on load (cheap).
 */
final class FitIndex implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Feature names, in the order of {@link #features}. Documented in docs/decisions/006-purpose-fit.md. */
    static final List<String> FEATURES = List.of(
            "sameFitMaxE", "sameFitMaxL", "sameRejMaxE", "sameRejMaxL",
            "otherFitMaxE", "otherFitMaxL", "generalRejMaxE", "generalRejMaxL",
            "knnSameFitRate", "knnSameFitRateXSim", "relFitTopE",
            "purposeRelE", "purposeRelL", "centroidRelE", "termFitRate", "termGeneralRejectRate", "ineligibleCue");
    static final int K = 7;

    final String grantsCsv;
    final String[] texts;
    final int[] grantText;
    final float[][] emb;
    final HashMap<String, Float> idf;
    final float unknownIdf;
    final String[] programs;
    final String[] purposeTexts;
    final float[][] purposeEmb;

    private transient List<PastGrant> grants;
    private transient List<Map<String, Float>> lex;
    /** Ids of the indexed texts' terms, and each text's vector by those ids (for {@link #query}). */
    private transient Map<String, Integer> termIds;
    private transient LexArrays[] lexArrays;
    private transient List<Map<String, Float>> purposeLex;
    private transient int[] grantProgram;
    private transient boolean[] fitted;
    private transient boolean[] general;
    private transient float[][] programFitSum;
    /** Mean similarity of every indexed text to each program's purpose: purposes differ in how "similar" they look to everything. */
    private transient double[] purposeBaseline;
    private transient TermEvidence termEvidence;
    /** Lexical vectors of the distinct past item names, and each grant's index into them. */
    private transient List<Map<String, Float>> nameLex;
    private transient int[] grantName;

    FitIndex(List<PastGrant> grants, Map<String, String> programPurposes) {
        java.io.StringWriter w = new java.io.StringWriter();
        PastGrantCsv.write(grants, w);
        this.grantsCsv = w.toString();
        LinkedHashMap<String, Integer> textIds = new LinkedHashMap<>();
        this.grantText = new int[grants.size()];
        for (int i = 0; i < grants.size(); i++) {
            PastGrant g = grants.get(i);
            grantText[i] = textIds.computeIfAbsent(JapaneseText.itemText(g.itemName(), g.spec()), k -> textIds.size());
        }
        this.texts = textIds.keySet().toArray(String[]::new);
        this.emb = BgeEmbedder.embed(List.of(texts));
        Map<String, Integer> df = new HashMap<>();
        for (String t : texts) {
            for (String term : JapaneseText.terms(t)) {
                df.merge(term, 1, Integer::sum);
            }
        }
        this.idf = new HashMap<>();
        double n = texts.length;
        df.forEach((term, d) -> idf.put(term, (float) (Math.log((n + 1) / (d + 1)) + 1)));
        this.unknownIdf = (float) (Math.log(n + 1) + 1);
        this.programs = programPurposes.keySet().toArray(String[]::new);
        this.purposeTexts = programPurposes.values().toArray(String[]::new);
        this.purposeEmb = BgeEmbedder.embed(List.of(purposeTexts));
        derive();
    }

    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        derive();
    }

    private void derive() {
        this.grants = new PastGrantCsv(Set.of(programs)).read(new StringReader(grantsCsv)).requireClean();
        this.lex = new ArrayList<>();
        for (String t : texts) {
            lex.add(lexical(t));
        }
        this.termIds = new HashMap<>();
        this.lexArrays = new LexArrays[lex.size()];
        for (int t = 0; t < lexArrays.length; t++) {
            lexArrays[t] = new LexArrays(lex.get(t), termIds);
        }
        this.purposeLex = new ArrayList<>();
        for (String t : purposeTexts) {
            purposeLex.add(lexical(t));
        }
        this.purposeBaseline = new double[programs.length];
        for (int p = 0; p < programs.length; p++) {
            double sum = 0;
            for (float[] e : emb) {
                sum += BgeEmbedder.cosine(e, purposeEmb[p]);
            }
            purposeBaseline[p] = emb.length == 0 ? 0 : sum / emb.length;
        }
        Map<String, Integer> byName = new HashMap<>();
        this.nameLex = new ArrayList<>();
        this.grantName = new int[grants.size()];
        for (int i = 0; i < grants.size(); i++) {
            String name = JapaneseText.normalize(grants.get(i).itemName());
            Integer n = byName.get(name);
            if (n == null) {
                n = nameLex.size();
                byName.put(name, n);
                nameLex.add(lexical(name));
            }
            grantName[i] = n;
        }
        int g = grants.size();
        grantProgram = new int[g];
        fitted = new boolean[g];
        general = new boolean[g];
        programFitSum = new float[programs.length][emb.length == 0 ? 0 : emb[0].length];
        for (int i = 0; i < g; i++) {
            PastGrant pg = grants.get(i);
            grantProgram[i] = programIndex(pg.program());
            fitted[i] = pg.decision().fitted();
            general[i] = !fitted[i] && RejectionReason.of(pg.reasonJa()).general();
            if (fitted[i] && grantProgram[i] >= 0) {
                add(programFitSum[grantProgram[i]], emb[grantText[i]], 1);
            }
        }
        List<Set<String>> textTerms = new ArrayList<>();
        for (String t : texts) {
            textTerms.add(JapaneseText.terms(t));
        }
        termEvidence = new TermEvidence(textTerms, grantText, grantProgram, fitted, general, programs.length, idf, unknownIdf);
    }

    List<PastGrant> grants() {
        return grants;
    }

    int programIndex(String code) {
        for (int i = 0; i < programs.length; i++) {
            if (programs[i].equals(code)) {
                return i;
            }
        }
        return -1;
    }

    Map<String, Float> lexical(String text) {
        return JapaneseText.vector(JapaneseText.terms(text), idf, unknownIdf);
    }

    /**
     * An indexed text's lexical vector as arrays of term ids: in the order its map iterates, and
     * sorted by id for look-ups. {@link #cosine} gives exactly {@link JapaneseText#cosine} of the
     * two maps — the same products added in the same order (over the smaller vector's terms, in its
     * map's order) — without hashing a string per term.
     */
    private static final class LexArrays {
        final int size;
        final int[] ids;
        final float[] weights;
        final int[] sortedIds;
        final float[] sortedWeights;

        LexArrays(Map<String, Float> v, Map<String, Integer> termIds) {
            size = v.size();
            ids = new int[size];
            weights = new float[size];
            int i = 0;
            for (Map.Entry<String, Float> e : v.entrySet()) {
                Integer id = termIds.get(e.getKey());
                if (id == null) {
                    id = termIds.size();
                    termIds.put(e.getKey(), id);
                }
                ids[i] = id;
                weights[i++] = e.getValue();
            }
            Integer[] order = new Integer[size];
            for (int j = 0; j < size; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
            sortedIds = new int[size];
            sortedWeights = new float[size];
            for (int j = 0; j < size; j++) {
                sortedIds[j] = ids[order[j]];
                sortedWeights[j] = weights[order[j]];
            }
        }

        /**
         * The cosine with a query of {@code qIds.length} terms ({@code qIds}/{@code qW} in its map's
         * order, -1 for a term no indexed text has; {@code dense}: weight by id, 0 when absent — every
         * weight is positive).
         */
        double cosine(int[] qIds, float[] qW, float[] dense) {
            double s = 0;
            if (qIds.length > size) {
                // JapaneseText.cosine iterates the smaller map: this text's
                for (int i = 0; i < size; i++) {
                    float w = dense[ids[i]];
                    if (w != 0) {
                        s += weights[i] * w;
                    }
                }
            } else {
                for (int i = 0; i < qIds.length; i++) {
                    if (qIds[i] >= 0) {
                        int at = java.util.Arrays.binarySearch(sortedIds, qIds[i]);
                        if (at >= 0) {
                            s += qW[i] * sortedWeights[at];
                        }
                    }
                }
            }
            return s;
        }
    }

    /** A query's similarities to every indexed text. */
    record Query(float[] emb, Map<String, Float> lex, Set<String> terms, boolean ineligibleCue, double[] simE,
                 double[] simL) {
        double combined(int text) {
            return (simE[text] + simL[text]) / 2;
        }
    }

    Query query(String text, float[] qEmb, Map<String, Float> qLex) {
        double[] e = new double[texts.length];
        double[] l = new double[texts.length];
        // the query's terms by id: its weights in a dense array, and in the order its map iterates
        float[] dense = new float[termIds.size()];
        int[] qIds = new int[qLex.size()];
        float[] qW = new float[qLex.size()];
        int k = 0;
        for (Map.Entry<String, Float> x : qLex.entrySet()) {
            Integer id = termIds.get(x.getKey());
            qIds[k] = id == null ? -1 : id;
            qW[k] = x.getValue();
            if (id != null) {
                dense[id] = x.getValue();
            }
            k++;
        }
        for (int t = 0; t < texts.length; t++) {
            e[t] = BgeEmbedder.cosine(qEmb, emb[t]);
            l[t] = lexArrays[t].cosine(qIds, qW, dense);
        }
        return new Query(qEmb, qLex, qLex.keySet(), IneligibleCues.find(text).isPresent(), e, l);
    }

    /** The query for an indexed text (training). */
    Query queryForText(int t) {
        return query(texts[t], emb[t], lex.get(t));
    }

    /** The lexical vector of indexed text {@code t} (tests compare {@link #query} with {@link JapaneseText#cosine}). */
    Map<String, Float> lexicalOf(int t) {
        return lex.get(t);
    }

    int textCount() {
        return texts.length;
    }

    /** Lexical similarity of an item name to every grant's item name (spec ignored), in grant order. */
    double[] nameSimilarities(String name) {
        Map<String, Float> q = lexical(JapaneseText.normalize(name));
        // once per distinct past item name (many grants share one), then spread to the grants
        double[] byName = new double[nameLex.size()];
        for (int n = 0; n < byName.length; n++) {
            byName[n] = JapaneseText.cosine(q, nameLex.get(n));
        }
        double[] out = new double[grantName.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = byName[grantName[g]];
        }
        return out;
    }

    int textOf(int grant) {
        return grantText[grant];
    }

    /**
     * The similarity features of a query for program {@code p} (index into {@link #programs}, or -1
     * for a program the index does not know), ignoring the grants in {@code excluded}.
     *
     * @param purposeEmbP the program's purpose embedding, @param purposeLexP its lexical vector
     */
    double[] features(Query q, int p, float[] purposeEmbP, Map<String, Float> purposeLexP, BitSet excluded) {
        return features(q, q.emb, q.lex, p, purposeEmbP, purposeLexP, excluded);
    }

    /**
     * As above, with the purpose features (similarity to the program's purpose and to its granted
     * items as a whole) computed from a richer description of the product ({@code descEmb},
     * {@code descLex}: name, spec and catalogue features) where one exists.
     */
    double[] features(Query q, float[] descEmb, Map<String, Float> descLex, int p, float[] purposeEmbP,
                      Map<String, Float> purposeLexP, BitSet excluded) {
        double sameFitE = 0, sameFitL = 0, sameRejE = 0, sameRejL = 0, otherFitE = 0, otherFitL = 0;
        double genE = 0, genL = 0;
        double[] topS = new double[K];
        boolean[] topFit = new boolean[K];
        int topN = 0;
        double[][] topProgE = new double[programs.length][3];
        float[][] excludedFit = new float[programs.length][];
        for (int g = 0; g < grantText.length; g++) {
            if (excluded != null && excluded.get(g)) {
                if (fitted[g] && grantProgram[g] >= 0) {
                    float[][] x = excludedFit;
                    if (x[grantProgram[g]] == null) {
                        x[grantProgram[g]] = new float[emb[0].length];
                    }
                    add(x[grantProgram[g]], emb[grantText[g]], 1);
                }
                continue;
            }
            int t = grantText[g];
            double e = q.simE[t];
            double l = q.simL[t];
            boolean same = grantProgram[g] == p;
            if (fitted[g]) {
                if (same) {
                    sameFitE = Math.max(sameFitE, e);
                    sameFitL = Math.max(sameFitL, l);
                } else {
                    otherFitE = Math.max(otherFitE, e);
                    otherFitL = Math.max(otherFitL, l);
                }
                if (grantProgram[g] >= 0) {
                    insertTop(topProgE[grantProgram[g]], e);
                }
            } else if (same) {
                sameRejE = Math.max(sameRejE, e);
                sameRejL = Math.max(sameRejL, l);
            }
            if (general[g]) {
                genE = Math.max(genE, e);
                genL = Math.max(genL, l);
            }
            if (same) {
                double s = (e + l) / 2;
                // keep the K most similar decisions of this program, in descending order
                if (topN < K || s > topS[topN - 1]) {
                    int i = Math.min(topN, K - 1);
                    while (i > 0 && topS[i - 1] < s) {
                        topS[i] = topS[i - 1];
                        topFit[i] = topFit[i - 1];
                        i--;
                    }
                    topS[i] = s;
                    topFit[i] = fitted[g];
                    topN = Math.min(K, topN + 1);
                }
            }
        }
        // similarity-weighted share of the nearest same-program decisions that were granted, with a weak prior
        double num = 0.35, den = 0.5;
        for (int i = 0; i < topN; i++) {
            double w = Math.pow(Math.max(topS[i], 0), 4);
            num += w * (topFit[i] ? 1 : 0);
            den += w;
        }
        double rate = num / den;
        double maxSame = topN == 0 ? 0 : topS[0];
        double relTop = 0;
        if (p >= 0) {
            double best = 0;
            for (int o = 0; o < programs.length; o++) {
                if (o != p) {
                    best = Math.max(best, mean(topProgE[o]));
                }
            }
            relTop = mean(topProgE[p]) - best;
        }
        double[] terms = termEvidence.of(q.terms, p, excluded);
        double purposeE = BgeEmbedder.cosine(descEmb, purposeEmbP) - (p >= 0 ? purposeBaseline[p] : meanBaseline());
        double purposeL = JapaneseText.cosine(descLex, purposeLexP);
        double bestOtherPE = -1, bestOtherPL = 0;
        for (int o = 0; o < programs.length; o++) {
            if (o != p) {
                bestOtherPE = Math.max(bestOtherPE, BgeEmbedder.cosine(descEmb, purposeEmb[o]) - purposeBaseline[o]);
                bestOtherPL = Math.max(bestOtherPL, JapaneseText.cosine(descLex, purposeLex.get(o)));
            }
        }
        double centroidRel = 0;
        if (p >= 0) {
            double best = -1;
            double mine = 0;
            for (int o = 0; o < programs.length; o++) {
                float[] sum = programFitSum[o].clone();
                if (excludedFit[o] != null) {
                    add(sum, excludedFit[o], -1);
                }
                double c = cosineRaw(descEmb, sum);
                if (o == p) {
                    mine = c;
                } else {
                    best = Math.max(best, c);
                }
            }
            centroidRel = mine - best;
        }
        return new double[] {sameFitE, sameFitL, sameRejE, sameRejL, otherFitE, otherFitL, genE, genL,
            rate, (rate - 0.5) * maxSame, relTop, purposeE - bestOtherPE, purposeL - bestOtherPL, centroidRel,
            terms[0], terms[1], q.ineligibleCue ? 1 : 0};
    }

    private double meanBaseline() {
        double s = 0;
        for (double b : purposeBaseline) {
            s += b;
        }
        return purposeBaseline.length == 0 ? 0 : s / purposeBaseline.length;
    }

    /** The mean similarity of all indexed items to program p's purpose (what "unrelated" looks like). */
    double purposeBaseline(int p) {
        return p >= 0 ? purposeBaseline[p] : meanBaseline();
    }

    Map<String, Float> purposeLex(int p) {
        return purposeLex.get(p);
    }

    private static void insertTop(double[] top, double v) {
        for (int i = 0; i < top.length; i++) {
            if (v > top[i]) {
                System.arraycopy(top, i, top, i + 1, top.length - i - 1);
                top[i] = v;
                return;
            }
        }
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static void add(float[] into, float[] v, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] += sign * v[i];
        }
    }

    private static double cosineRaw(float[] a, float[] b) {
        double dot = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            nb += b[i] * b[i];
        }
        return nb == 0 ? 0 : dot / Math.sqrt(nb);
    }
}
