package jp.shinsa.scoring.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.SourceLocation;

/** Made-up applications with statements for FY2024 and an input sheet for FY2022–2024. */
final class RiskApplicationFixture {
    static final String STATEMENTS = "決算書.pdf";
    static final String INPUT_SHEET = "入力シート.xlsx";

    private RiskApplicationFixture() {
    }

    /** One year of the 16 input-sheet accounts (+ interest) for a hospital with the given ratios. */
    static Map<String, Long> year(long revenue, double equityRatio, double ordinaryMargin, double currentRatio,
                                  double borrowingsToRevenue, double cashToAssets) {
        Map<String, Long> m = new LinkedHashMap<>();
        long totalAssets = Math.round(revenue * 1.3);
        long currentAssets = Math.round(totalAssets * 0.3);
        long netAssets = Math.round(totalAssets * equityRatio);
        long totalLiabilities = totalAssets - netAssets;
        long currentLiabilities = Math.round(currentAssets / currentRatio);
        long medicalProfit = Math.round(revenue * (ordinaryMargin - 0.005));
        long ordinaryProfit = Math.round(revenue * ordinaryMargin);
        m.put("medical_revenue", revenue);
        m.put("medical_expenses", revenue - medicalProfit);
        m.put("medical_profit", medicalProfit);
        m.put("ordinary_profit", ordinaryProfit);
        m.put("net_income", ordinaryProfit - Math.round(revenue * 0.005));
        m.put("depreciation", Math.round(revenue * 0.045));
        m.put("current_assets", currentAssets);
        m.put("fixed_assets", totalAssets - currentAssets);
        m.put("total_assets", totalAssets);
        m.put("current_liabilities", currentLiabilities);
        m.put("fixed_liabilities", totalLiabilities - currentLiabilities);
        m.put("total_liabilities", totalLiabilities);
        m.put("net_assets", netAssets);
        m.put("short_term_borrowings", Math.round(revenue * borrowingsToRevenue * 0.1));
        m.put("long_term_borrowings", Math.round(revenue * borrowingsToRevenue * 0.9));
        m.put("cash_and_deposits", Math.round(totalAssets * cashToAssets));
        m.put("interest_expense", Math.round(revenue * 0.004));
        return m;
    }

    static Map<String, Long> healthyYear(long revenue) {
        return year(revenue, 0.50, 0.045, 3.2, 0.45, 0.22);
    }

    static Map<String, Long> distressedYear(long revenue) {
        return year(revenue, 0.02, -0.06, 0.65, 0.95, 0.03);
    }

    static ExtractedApplication application(String name, Map<Integer, Map<String, Long>> sheetYears,
                                            Map<String, Long> statementsFy2024) {
        List<Figure> sheet = new ArrayList<>();
        sheetYears.forEach((y, accounts) -> accounts.forEach((a, v) -> sheet.add(figure(INPUT_SHEET,
                DocumentType.INPUT_SHEET, a, y, v))));
        List<Figure> statements = new ArrayList<>();
        statementsFy2024.forEach((a, v) -> statements.add(figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, a, 2024, v)));
        return new ExtractedApplication(name, List.of(document(INPUT_SHEET, DocumentType.INPUT_SHEET, sheet),
                document(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, statements)));
    }

    static ExtractedApplication healthy() {
        return application("healthy", Map.of(2022, healthyYear(5_000_000_000L), 2023, healthyYear(5_100_000_000L),
                2024, healthyYear(5_200_000_000L)), healthyYear(5_200_000_000L));
    }

    static ExtractedApplication distressed() {
        return application("distressed", Map.of(2022, distressedYear(5_000_000_000L),
                2023, distressedYear(4_900_000_000L), 2024, distressedYear(4_800_000_000L)),
                distressedYear(4_800_000_000L));
    }

    static Figure figure(String file, DocumentType type, String account, int year, long value) {
        return new Figure(file, type, account, year, value, "", 1, 1.0, SourceLocation.ofFile(file));
    }

    static ExtractedDocument document(String file, DocumentType type, List<Figure> figures) {
        return new ExtractedDocument(file, type, 1, false, null, 1, figures, List.of(), List.of(), null, null, null,
                List.of(), "");
    }
}
