package jp.shinsa.ingest.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jp.shinsa.models.Catalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The measuring tool renders what its truth says: plants, detail blocks and wordings reach every document they concern. */
class LayoutVariantsTest {

    private static final List<String> CASH_PARTS = List.of("現金", "普通預金", "定期預金");

    @TempDir
    Path dir;

    @Test
    void only_selects_variations_by_their_exact_id() {
        assertThat(LayoutVariants.only("detail, held-out-labels")).containsExactly("detail", "held-out-labels");
        assertThat(LayoutVariants.only("")).isEmpty();
        assertThatThrownBy(() -> LayoutVariants.only("held-out")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_planted_statement_error_on_a_detailed_account_is_printed_in_a_part_and_in_its_total() throws IOException {
        LayoutVariants.Style s = csvStyle();
        s.plant = 2;
        s.plantAccount = "cash_and_deposits";
        Map<String, Object> truth = new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(7), dir);

        Map<String, List<Long>> fs = rows("決算書_令和6年度.csv");
        long cash = latent("cash_and_deposits") + 12_345;
        assertThat(CASH_PARTS.stream().mapToLong(p -> fs.get(p).get(0)).sum()).isEqualTo(cash);
        assertThat(fs.get("現金及び預金計")).containsExactly(cash);
        assertThat(fs.get("流動資産合計")).containsExactly(latent("current_assets"));
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "cash_and_deposits")).isEqualTo(cash);
        assertThat(expectedCodes(truth)).containsExactly("SUBTOTAL_MISMATCH:current_assets");
    }

    @Test
    void the_comparison_prints_the_statements_detail_blocks_with_the_same_parts_and_its_own_plant() throws IOException {
        LayoutVariants.Style s = csvStyle();
        s.plant = 1;
        s.plantAccount = "cash_and_deposits";
        Map<String, Object> truth = new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(7), dir);

        Map<String, List<Long>> fs = rows("決算書_令和6年度.csv");
        Map<String, List<Long>> bsc = rows("BS実績比較.csv");
        long cash = latent("cash_and_deposits") + 12_345;
        // columns: previous year, current year, 増減; the plant is in the current year of the first part
        assertThat(bsc.get("現金").get(1)).isEqualTo(fs.get("現金").get(0) + 12_345);
        assertThat(bsc.get("普通預金").get(1)).isEqualTo(fs.get("普通預金").get(0));
        assertThat(bsc.get("定期預金").get(1)).isEqualTo(fs.get("定期預金").get(0));
        assertThat(bsc.get("現金及び預金計").get(1)).isEqualTo(cash);
        assertThat(fs.get("現金及び預金計")).containsExactly(latent("cash_and_deposits"));
        assertThat(figure(truth, "BS_COMPARISON", "cash_and_deposits")).isEqualTo(cash);
        assertThat(expectedCodes(truth)).containsExactly("BS_COMPARISON_MISMATCH:cash_and_deposits");
    }

    @Test
    void the_input_sheet_prints_the_wordings_the_statement_prints() throws IOException {
        LayoutVariants.Style s = csvStyle();
        s.detail = Map.of();
        Map<String, List<String>> wordings = new LinkedHashMap<>();
        for (String a : LayoutVariants.LABELS.keySet()) {
            wordings.put(a, List.of("W-" + a));
        }
        s.wordings = wordings;
        new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(7), dir);

        List<String> inStatement = rows("決算書_令和6年度.csv").keySet().stream()
                .filter(l -> l.startsWith("W-") && LayoutVariants.INPUT_ACCOUNTS.contains(l.substring(2))).toList();
        List<String> inSheet = rows("決算状況入力シート.csv").keySet().stream().filter(l -> l.startsWith("W-")).toList();
        assertThat(inSheet).isNotEmpty().containsExactlyInAnyOrderElementsOf(inStatement);
    }

    @Test
    void the_business_report_form_prints_every_business_with_totals_that_add_up_and_truth_that_rolls_them_up() throws IOException {
        LayoutVariants.Style s = csvStyle();
        s.detail = Map.of();
        s.businessReport = true;
        s.otherBusinesses = 2;
        s.headOffice = true;
        s.businessShares = new double[] {0.3, 0.2, 0.25, 0.1, 0.15};
        Map<String, Object> truth = new LayoutVariants().writeApplication(consistentTruth(), "T", s, new Random(7), dir);

        List<Map.Entry<String, Long>> pl = new ArrayList<>();
        boolean inPl = false;
        for (String line : Files.readAllLines(dir.resolve("決算書_令和6年度.csv"), StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            inPl |= line.replaceAll("\\s", "").contains("損益計算書");
            if (inPl && f.length > 1 && f[1].matches("△?\\d+")) {
                pl.add(Map.entry(f[0].strip(), f[1].startsWith("△") ? -Long.parseLong(f[1].substring(1)) : Long.parseLong(f[1])));
            }
        }
        java.util.function.Function<String, List<Long>> all = label -> pl.stream().filter(e -> e.getKey().endsWith(label))
                .map(Map.Entry::getValue).toList();
        List<Long> businessRevenue = pl.stream().filter(e -> e.getKey().endsWith("事業収益") || e.getKey().equals("事業収益計"))
                .map(Map.Entry::getValue).toList();
        List<Long> businessExpenses = pl.stream().filter(e -> e.getKey().endsWith("事業費用") || e.getKey().equals("事業費用計"))
                .map(Map.Entry::getValue).toList();
        List<Long> profits = all.apply("業務事業利益");
        assertThat(businessRevenue).hasSize(3);
        assertThat(profits).hasSize(3);
        for (int b = 0; b < 3; b++) {
            assertThat(businessRevenue.get(b) - businessExpenses.get(b)).isEqualTo(profits.get(b));
        }
        long total = all.apply("事業利益").getLast();
        assertThat(profits.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(businessRevenue.get(0)).isEqualTo(all.apply("入院診療収益").get(0) + all.apply("外来診療収益").get(0)
                + all.apply("その他の医業収益").get(0));
        // truth: 医業収益 = Σ 事業収益; その他の医業収益 = 本来業務's その他 + the other businesses' 事業収益; 経費 likewise
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "medical_revenue")).isEqualTo(businessRevenue.stream().mapToLong(Long::longValue).sum());
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "medical_expenses")).isEqualTo(businessExpenses.stream().mapToLong(Long::longValue).sum());
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "medical_profit")).isEqualTo(total);
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "other_medical_revenue"))
                .isEqualTo(all.apply("その他の医業収益").get(0) + businessRevenue.get(1) + businessRevenue.get(2));
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "other_medical_expenses"))
                .isEqualTo(all.apply("経費").get(0) + all.apply("本部費").get(0) + businessExpenses.get(1) + businessExpenses.get(2));
    }

    @Test
    void a_planted_business_subtotal_is_printed_in_the_main_business_total_only() throws IOException {
        LayoutVariants.Style s = csvStyle();
        s.detail = Map.of();
        s.businessReport = true;
        s.otherBusinesses = 1;
        s.businessShares = new double[] {0.3, 0.2, 0.25, 0.1, 0.15};
        s.plant = 5;
        s.plantAccount = "medical_revenue";
        Map<String, Object> truth = new LayoutVariants().writeApplication(consistentTruth(), "T", s, new Random(7), dir);

        Map<String, List<Long>> pl = rows("決算書_令和6年度.csv");
        long lines = pl.get("入院診療収益").get(0) + pl.get("外来診療収益").get(0) + pl.get("その他の医業収益").get(0);
        assertThat(pl.get("事業収益計").get(0)).isEqualTo(lines + 12_345);
        assertThat(pl.get("事業費用計").get(0) + pl.get("本来業務事業利益").get(0)).isEqualTo(lines);
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "medical_revenue")).isEqualTo(pl.get("事業収益計").get(0) + pl.get("1　事業収益").get(0));
        assertThat(expectedCodes(truth)).containsExactly("PL_CASCADE_MISMATCH:medical_revenue");
    }

    /** A truth whose latent figures add up (every chart total the signed sum of its children). */
    private static JsonNode consistentTruth() {
        JsonNode t = aTruth();
        Map<String, Map<String, Long>> latent = new LinkedHashMap<>();
        for (int y = 2022; y <= 2024; y++) {
            Map<String, Long> year = new LinkedHashMap<>();
            for (String a : Catalogs.accounts().keySet()) {
                year.put(a, added(a, y));
            }
            latent.put(Integer.toString(y), year);
        }
        Map<String, Object> m = JsonMapper.builder().build().convertValue(t, Map.class);
        m.put("latentFinancials", latent);
        return JsonMapper.builder().build().valueToTree(m);
    }

    private static long added(String account, int year) {
        List<jp.shinsa.models.Account> children = Catalogs.childrenOf(account);
        if (children.isEmpty()) {
            return latent(account) - (2024 - year) * 1_000L;
        }
        return children.stream().mapToLong(c -> c.sign() * added(c.code(), year)).sum();
    }

    private static LayoutVariants.Style csvStyle() {
        LayoutVariants.Style s = new LayoutVariants.Style();
        s.format = LayoutVariants.Format.CSV_UTF8;
        s.separators = false;
        s.detail = Map.of("cash_and_deposits", CASH_PARTS);
        s.detailTotal = true;
        return s;
    }

    /** A dev-like truth: three years of latent figures for every account (yen, so nothing is rounded). */
    private static JsonNode aTruth() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("application", "T");
        t.put("program", "emergency");
        t.put("applicant", Map.of("corp", "医療法人社団試験会", "facility", "試験病院"));
        t.put("distressed", 0);
        t.put("figures", List.of(Map.of("fiscalYear", 2024)));
        Map<String, Map<String, Long>> latent = new LinkedHashMap<>();
        for (int y = 2022; y <= 2024; y++) {
            Map<String, Long> year = new LinkedHashMap<>();
            for (String a : Catalogs.accounts().keySet()) {
                year.put(a, latent(a) - (2024 - y) * 1_000L);
            }
            latent.put(Integer.toString(y), year);
        }
        t.put("latentFinancials", latent);
        return JsonMapper.builder().build().valueToTree(t);
    }

    private static long latent(String account) {
        return 1_000_000L + 7_919L * (Math.abs(account.hashCode()) % 1000);
    }

    /** Data rows of a generated CSV: label → amounts. */
    private Map<String, List<Long>> rows(String file) throws IOException {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            List<Long> v = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                if (f[i].matches("△?\\d+")) {
                    v.add(f[i].startsWith("△") ? -Long.parseLong(f[i].substring(1)) : Long.parseLong(f[i]));
                }
            }
            if (!v.isEmpty()) {
                out.put(f[0], v);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static long figure(Map<String, Object> truth, String type, String account) {
        return ((List<Map<String, Object>>) truth.get("figures")).stream()
                .filter(f -> f.get("documentType").equals(type) && f.get("account").equals(account) && f.get("fiscalYear").equals(2024))
                .mapToLong(f -> (Long) f.get("value")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> expectedCodes(Map<String, Object> truth) {
        return ((List<Map<String, Object>>) truth.get("expected")).stream().map(e -> e.get("code") + ":" + e.get("account")).toList();
    }
}
