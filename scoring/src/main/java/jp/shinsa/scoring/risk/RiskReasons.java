package jp.shinsa.scoring.risk;

import java.util.List;
import java.util.Locale;
import jp.shinsa.models.Text;

/** The bilingual reasons of risk factors. */
final class RiskReasons {
    private RiskReasons() {
    }

    static Text baseline(double points) {
        String p = String.format(Locale.ROOT, "%.2f", points);
        return new Text("基準点: 過去申請者の中央値の財務指標でのスコア " + p + "点",
                "Baseline: the score of a past applicant with median ratios, " + p + " points");
    }

    static Text modelled(RiskFeature f, Double value, double contribution, List<Double> quantiles) {
        Text label = f.label();
        Text v = f.format(value);
        Text effect = effect(contribution);
        if (value == null) {
            return new Text(label.ja() + "は資料から算出できません（欠損として評価、" + effect.ja() + "）",
                    label.en() + " could not be computed from the documents (scored as missing; " + effect.en() + ")");
        }
        if (f.kind() == RiskFeature.Kind.FLAG) {
            int share = (int) Math.round(100 * shareEqual(quantiles, value));
            return new Text(label.ja() + " " + v.ja() + "（過去申請者の" + share + "%が同じ、" + effect.ja() + "）",
                    label.en() + ": " + v.en() + " (as for " + share + "% of past applicants; " + effect.en() + ")");
        }
        if (f.kind() == RiskFeature.Kind.COUNT) {
            // Past applicants may cover fewer years than the application (one year in the
            // past-applicants format): compare "at least one", not the count itself.
            if (value < 0.5) {
                return new Text(label.ja() + " " + v.ja() + "（" + effect.ja() + "）",
                        label.en() + ": " + v.en() + " (" + effect.en() + ")");
            }
            int share = (int) Math.round(100 * shareAtLeastOne(quantiles));
            return new Text(label.ja() + " " + v.ja() + "（過去申請者で赤字の年があったのは" + share + "%、" + effect.ja() + "）",
                    label.en() + ": " + v.en() + " (" + share + "% of past applicants had a loss year; " + effect.en() + ")");
        }
        double p = percentile(quantiles, value);
        String ja;
        String en;
        if (p <= 0.5) {
            int pct = Math.max(1, (int) Math.ceil(p * 100));
            ja = "過去申請者の下位" + pct + "%";
            en = "in the lowest " + pct + "% of past applicants";
        } else {
            int pct = Math.max(1, (int) Math.ceil((1 - p) * 100));
            ja = "過去申請者の上位" + pct + "%";
            en = "in the highest " + pct + "% of past applicants";
        }
        return new Text(label.ja() + " " + v.ja() + " は" + ja + "（" + effect.ja() + "）",
                label.en() + " " + v.en() + " is " + en + " (" + effect.en() + ")");
    }

    static Text reference(RiskFeature f, Double value) {
        Text v = f.format(value);
        return new Text(f.label().ja() + " " + v.ja() + "（参考値: このモデルは使っていません）",
                f.label().en() + " " + v.en() + " (for reference: not used by this model)");
    }

    private static Text effect(double c) {
        String p = String.format(Locale.ROOT, "%+.2f", c);
        if (c > 0) {
            return new Text("リスク " + p + "点", "risk " + p + " points");
        }
        if (c < 0) {
            return new Text("リスク " + p + "点", "risk " + p + " points");
        }
        return new Text("影響なし", "no effect");
    }

    /** Share of training values ≤ value, from the stored quantiles (0 when there are none). */
    static double percentile(List<Double> q, double value) {
        if (q.isEmpty()) {
            return 0.5;
        }
        int below = 0;
        int equal = 0;
        for (double d : q) {
            if (d < value) {
                below++;
            } else if (d == value) {
                equal++;
            }
        }
        return (below + 0.5 * equal) / q.size();
    }

    private static double shareAtLeastOne(List<Double> q) {
        return q.isEmpty() ? 0 : (double) q.stream().filter(d -> d >= 0.5).count() / q.size();
    }

    private static double shareEqual(List<Double> q, double value) {
        if (q.isEmpty()) {
            return 0;
        }
        long n = q.stream().filter(d -> Math.abs(d - Math.round(value)) < 0.5).count();
        return (double) n / q.size();
    }
}
