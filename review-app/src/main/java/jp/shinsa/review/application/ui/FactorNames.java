package jp.shinsa.review.application.ui;

import java.util.Map;

/** Display names of the risk features (the reasons themselves come bilingual from the model). */
final class FactorNames {
    private static final Map<String, String[]> NAMES = Map.ofEntries(
            Map.entry("equity_ratio", new String[] {"自己資本比率", "Equity ratio"}),
            Map.entry("current_ratio", new String[] {"流動比率", "Current ratio"}),
            Map.entry("borrowings_to_revenue", new String[] {"借入金対医業収益", "Borrowings to revenue"}),
            Map.entry("debt_redemption_years", new String[] {"債務償還年数", "Debt redemption years"}),
            Map.entry("medical_profit_margin", new String[] {"医業利益率", "Medical profit margin"}),
            Map.entry("ordinary_profit_margin", new String[] {"経常利益率", "Ordinary profit margin"}),
            Map.entry("interest_burden", new String[] {"支払利息負担", "Interest burden"}),
            Map.entry("revenue_growth", new String[] {"医業収益増加率", "Revenue growth"}),
            Map.entry("years_of_loss", new String[] {"赤字年数", "Years of loss"}),
            Map.entry("negative_net_assets", new String[] {"債務超過", "Negative net assets"}));

    private FactorNames() {
    }

    static String label(String feature, boolean english) {
        String[] n = NAMES.get(feature);
        return n == null ? feature : n[english ? 1 : 0];
    }
}
