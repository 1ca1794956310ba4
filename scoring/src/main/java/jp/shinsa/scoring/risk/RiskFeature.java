package jp.shinsa.scoring.risk;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.shinsa.models.Text;

/**
 * The ratios an examiner of a hospital reads, computed per application by {@link RiskFeatures}.
 * Codes are the column names a trained model stores, so renaming one breaks stored models.
 */
public enum RiskFeature {
    EQUITY_RATIO("equity_ratio", "自己資本比率", "Equity ratio", Kind.PERCENT, -1),
    CURRENT_RATIO("current_ratio", "流動比率", "Current ratio", Kind.TIMES, -1),
    BORROWINGS_TO_REVENUE("borrowings_to_revenue", "借入金対医業収益比率", "Borrowings to revenue", Kind.PERCENT, 1),
    DEBT_REDEMPTION_YEARS("debt_redemption_years", "債務償還年数", "Debt redemption years", Kind.YEARS, 1),
    MEDICAL_PROFIT_MARGIN("medical_profit_margin", "医業利益率", "Medical profit margin", Kind.PERCENT, -1),
    ORDINARY_PROFIT_MARGIN("ordinary_profit_margin", "経常利益率", "Ordinary profit margin", Kind.PERCENT, -1),
    NET_PROFIT_MARGIN("net_profit_margin", "当期純利益率", "Net profit margin", Kind.PERCENT, -1),
    CASH_TO_TOTAL_ASSETS("cash_to_total_assets", "現預金対総資産比率", "Cash to total assets", Kind.PERCENT, -1),
    INTEREST_BURDEN("interest_burden", "支払利息対医業収益比率", "Interest burden", Kind.PERCENT, 1),
    REVENUE_GROWTH("revenue_growth", "医業収益増加率", "Revenue growth", Kind.PERCENT, -1),
    LOSS_YEARS("loss_years", "赤字年数", "Years of loss", Kind.COUNT, 1),
    NEGATIVE_NET_ASSETS("negative_net_assets", "債務超過", "Negative net assets", Kind.FLAG, 1);

    /** How a value is written in a reason. */
    enum Kind { PERCENT, TIMES, YEARS, COUNT, FLAG }

    /** Debt redemption years are capped here; a hospital that cannot repay at all gets the cap. */
    public static final double MAX_REDEMPTION_YEARS = 50;
    /** Current ratios above this carry no further information and are capped. */
    public static final double MAX_CURRENT_RATIO = 20;

    private final String code;
    private final String labelJa;
    private final String labelEn;
    private final Kind kind;
    private final int direction;

    RiskFeature(String code, String labelJa, String labelEn, Kind kind, int direction) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
        this.kind = kind;
        this.direction = direction;
    }

    /**
     * +1 when a higher value means more risk (borrowings), −1 when less (equity ratio). The
     * gradient-boosted model is constrained to be monotone in this direction, so a contribution
     * never contradicts common sense (docs/decisions/005-risk-explanation.md).
     */
    public int direction() {
        return direction;
    }

    public String code() {
        return code;
    }

    public Text label() {
        return new Text(labelJa, labelEn);
    }

    Kind kind() {
        return kind;
    }

    public static Optional<RiskFeature> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(RiskFeature::code).toList();
    }

    /** The value as a reason writes it, e.g. "4.1%", "1.23倍", "12.3年"; "—" when missing. */
    Text format(Double value) {
        if (value == null || value.isNaN()) {
            return new Text("算出不可", "not available");
        }
        double v = value;
        return switch (kind) {
            case PERCENT -> same(String.format(Locale.ROOT, "%.1f%%", v * 100));
            case TIMES -> new Text(String.format(Locale.ROOT, "%.2f倍", v), String.format(Locale.ROOT, "%.2f×", v));
            case YEARS -> v >= MAX_REDEMPTION_YEARS
                    ? new Text("返済原資なし（" + (int) MAX_REDEMPTION_YEARS + "年以上）",
                            "no repayment capacity (" + (int) MAX_REDEMPTION_YEARS + "+ years)")
                    : new Text(String.format(Locale.ROOT, "%.1f年", v), String.format(Locale.ROOT, "%.1f years", v));
            case COUNT -> new Text(String.format(Locale.ROOT, "%d年", Math.round(v)),
                    String.format(Locale.ROOT, "%d year(s)", Math.round(v)));
            case FLAG -> v >= 0.5 ? new Text("あり", "yes") : new Text("なし", "no");
        };
    }

    private static Text same(String s) {
        return new Text(s, s);
    }
}
