package jp.shinsa.scoring.fit;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The term counts of the past decisions behind {@link FitIndex}'s term features ({@code termFitRate},
 * {@code termGeneralRejectRate}): rebuilt with the index's other derived tables, never serialised.
 */
final class TermEvidence {
    private final List<Set<String>> textTerms;
    private final int[] grantText;
    private final int[] grantProgram;
    private final boolean[] fitted;
    private final boolean[] general;
    private final Map<String, Float> idf;
    private final float unknownIdf;
    /** Per term: [grants, general rejections, then per program: grants, fitted]. */
    private final Map<String, int[]> termCounts = new HashMap<>();
    private final double[] programFitRate;

    /**
     * @param textTerms the terms of each indexed text, @param grantText each grant's text, @param grantProgram
     * each grant's program index (-1: unknown), @param fitted and @param general each grant's decision
     */
    TermEvidence(List<Set<String>> textTerms, int[] grantText, int[] grantProgram, boolean[] fitted, boolean[] general,
                 int programs, Map<String, Float> idf, float unknownIdf) {
        this.textTerms = textTerms;
        this.grantText = grantText;
        this.grantProgram = grantProgram;
        this.fitted = fitted;
        this.general = general;
        this.idf = idf;
        this.unknownIdf = unknownIdf;
        int g = grantText.length;
        int[] perProgram = new int[programs];
        int[] perProgramFit = new int[programs];
        for (int i = 0; i < g; i++) {
            for (String term : textTerms.get(grantText[i])) {
                countTerm(termCounts.computeIfAbsent(term, k -> new int[2 + 2 * programs]), i, 1);
            }
            if (grantProgram[i] >= 0) {
                perProgram[grantProgram[i]]++;
                perProgramFit[grantProgram[i]] += fitted[i] ? 1 : 0;
            }
        }
        programFitRate = new double[programs];
        for (int p = 0; p < programs; p++) {
            programFitRate[p] = (perProgramFit[p] + 1.0) / (perProgram[p] + 2.0);
        }
    }

    private void countTerm(int[] c, int grant, int sign) {
        c[0] += sign;
        if (general[grant]) {
            c[1] += sign;
        }
        int p = grantProgram[grant];
        if (p >= 0) {
            c[2 + 2 * p] += sign;
            if (fitted[grant]) {
                c[3 + 2 * p] += sign;
            }
        }
    }

    /**
     * Term-level evidence, which carries over to item types never decided before: the idf-weighted
     * share of past decisions in program p containing the query's terms that were granted (smoothed
     * towards the program's grant rate), and the highest share of general rejections among the
     * query's terms.
     */
    double[] of(Set<String> terms, int p, BitSet excluded) {
        double prior = p >= 0 ? programFitRate[p] : 0.5;
        double num = 0, den = 0, general = 0;
        for (String term : terms) {
            int[] c0 = termCounts.get(term);
            if (c0 == null) {
                continue;
            }
            int[] c = c0;
            if (excluded != null && !excluded.isEmpty()) {
                c = c0.clone();
                for (int g = excluded.nextSetBit(0); g >= 0; g = excluded.nextSetBit(g + 1)) {
                    if (textTerms.get(grantText[g]).contains(term)) {
                        countTerm(c, g, -1);
                    }
                }
            }
            if (c[0] >= 2) {
                general = Math.max(general, (c[1] + 0.1) / (c[0] + 2.0));
            }
            if (p >= 0 && c[2 + 2 * p] > 0) {
                double w = idf.getOrDefault(term, unknownIdf);
                double rate = (c[3 + 2 * p] + 2 * prior) / (c[2 + 2 * p] + 2.0);
                num += w * rate;
                den += w;
            }
        }
        return new double[] {den == 0 ? prior : num / den, general};
    }
}
