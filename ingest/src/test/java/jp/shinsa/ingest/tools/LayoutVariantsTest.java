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

    @Test
    void a_detail_blocks_heading_prints_the_variations_wording_for_the_account() throws IOException {
        Map<String, List<String>> wordings = new LinkedHashMap<>();
        for (String a : LayoutVariants.LABELS.keySet()) {
            wordings.put(a, List.of("W-" + a));
        }
        wordings.put("cash_and_deposits", List.of("手元資金合計"));
        int printedWording = 0;
        for (int seed = 1; seed <= 8; seed++) {
            Path app = Files.createDirectories(dir.resolve("s" + seed));
            LayoutVariants.Style s = csvStyle();
            s.wordings = wordings;
            new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(seed), app);
            // the input sheet prints the label the variation chose for the account (its wording, or the catalogue's)
            String chosen = rows(app, "決算状況入力シート.csv").keySet().stream()
                    .filter(l -> l.equals("手元資金合計") || l.equals("現金及び預金")).findFirst().orElseThrow();
            String heading = chosen.equals("手元資金合計") ? "手元資金" : "現金及び預金";
            printedWording += chosen.equals("手元資金合計") ? 1 : 0;
            for (String file : List.of("決算書_令和6年度.csv", "BS実績比較.csv")) {
                List<String> labels = labels(app, file);
                assertThat(labels).as(file).containsSubsequence(heading, CASH_PARTS.get(0), CASH_PARTS.get(1), CASH_PARTS.get(2), heading + "計");
                assertThat(rows(app, file)).as(file).doesNotContainKey(heading).containsKey(heading + "計");
            }
        }
        assertThat(printedWording).as("seeds whose statement prints the wording").isPositive();
    }

    @Test
    void a_block_heading_drops_the_total_word_of_the_printed_name() {
        assertThat(LayoutVariants.blockHeading("修繕費合計")).isEqualTo("修繕費");
        assertThat(LayoutVariants.blockHeading("租税公課総額")).isEqualTo("租税公課");
        assertThat(LayoutVariants.blockHeading("雑費の計")).isEqualTo("雑費");
        assertThat(LayoutVariants.blockHeading("保守料小計")).isEqualTo("保守料");
        assertThat(LayoutVariants.blockHeading("研究費合計額")).isEqualTo("研究費");
        assertThat(LayoutVariants.blockHeading("寄附金の合計")).isEqualTo("寄附金");
        assertThat(LayoutVariants.blockHeading("給与費")).isEqualTo("給与費");
        // a trailing bracketed note stays after the heading, and after the 計 of the total line
        assertThat(LayoutVariants.blockHeading("雑収益（Ｘ）")).isEqualTo("雑収益（Ｘ）");
        assertThat(LayoutVariants.blockTotal("雑収益（Ｘ）")).isEqualTo("雑収益計（Ｘ）");
        assertThat(LayoutVariants.blockHeading("研究費合計（図書費を含む）")).isEqualTo("研究費（図書費を含む）");
        assertThat(LayoutVariants.blockTotal("研究費合計（図書費を含む）")).isEqualTo("研究費計（図書費を含む）");
        assertThat(LayoutVariants.blockTotal("保守料〔注〕")).isEqualTo("保守料計〔注〕");
        assertThat(LayoutVariants.blockTotal("雑費総計(Y)")).isEqualTo("雑費計(Y)");
        assertThat(LayoutVariants.blockTotal("（再）雑費")).isEqualTo("（再）雑費計");
        assertThat(LayoutVariants.blockTotal("修繕費合計")).isEqualTo("修繕費計");
        // on catalogue labels the former rule: only 合計 / 計 end them
        for (List<String> names : LayoutVariants.LABELS.values()) {
            assertThat(LayoutVariants.blockHeading(names.get(0))).isEqualTo(names.get(0).replaceAll("(合計|計)$", ""));
        }
    }

    @Test
    void held_out_detail_variations_plant_a_part_that_does_not_add_up_as_detail_does() {
        withList1(() -> heldOutAndTunedDetailPlants());
    }

    private static void heldOutAndTunedDetailPlants() {
        for (LayoutVariants.Variation v : List.of(LayoutVariants.Variation.DETAIL, LayoutVariants.Variation.DETAIL_FORMS,
                LayoutVariants.Variation.HELD_OUT_DETAIL, LayoutVariants.Variation.HELD_OUT_COMBINED)) {
            int parts = 0;
            for (int i = 0; i < 16; i++) {
                LayoutVariants.Style s = LayoutVariants.style(v, i, new Random(i));
                if (i % 2 == 1 && s.detailTotal && (i / 2) % 2 == 1) {
                    assertThat(s.plant).as(v + " #" + i).isEqualTo(4);
                    assertThat(s.detail).as(v + " #" + i).containsKey(s.plantAccount);
                    parts++;
                } else {
                    assertThat(s.plant).as(v + " #" + i).isNotEqualTo(4);
                }
            }
            assertThat(parts).as(v.id()).isPositive();
        }
    }

    @Test
    void a_held_out_part_plant_prints_a_part_that_does_not_add_up_to_its_printed_total() throws IOException {
        LayoutVariants.Style[] drawn = new LayoutVariants.Style[1];
        withList1(() -> drawn[0] = LayoutVariants.style(LayoutVariants.Variation.HELD_OUT_DETAIL, 3, new Random(3)));
        LayoutVariants.Style s = drawn[0];
        assertThat(s.plant).isEqualTo(4);
        assertThat(s.unit).isEqualTo(1);
        s.format = LayoutVariants.Format.CSV_UTF8;
        s.separators = false;
        Map<String, Object> truth = new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(3), dir);

        String heading = LayoutVariants.blockHeading(LayoutVariants.LABELS.get(s.plantAccount).get(0));
        Map<String, List<Long>> fs = rows(dir, "決算書_令和6年度.csv");
        long parts = s.detail.get(s.plantAccount).stream().mapToLong(p -> last(fs.get(p))).sum();
        long total = last(fs.get(heading + "計"));
        assertThat(total).isEqualTo(latent(s.plantAccount));
        assertThat(parts - total).isEqualTo(12_345);
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", s.plantAccount)).isEqualTo(total);
        boolean bs = Catalogs.account(s.plantAccount).orElseThrow().isBalanceSheet();
        assertThat(expectedCodes(truth)).containsExactly((bs ? "SUBTOTAL_MISMATCH:" : "PL_CASCADE_MISMATCH:") + s.plantAccount);
    }

    @Test
    void the_fourth_held_out_list_parses_and_names_only_known_accounts_with_new_wordings() {
        Map<String, Map<String, List<String>>> list = LayoutVariants.heldOut("held-out-statements-4.tsv");
        Map<String, List<String>> detail = list.get("detail");
        assertThat(detail).hasSizeGreaterThanOrEqualTo(15);
        // nothing the earlier (development) lists 1 and 2 print
        assertKnownAccountsAndNewWordings(list.get("label"), detail, List.of("held-out-statements.tsv", "held-out-statements-2.tsv"),
                false, java.util.Set.of());
    }

    @Test
    void the_fifth_held_out_list_parses_and_names_only_known_accounts_with_new_wordings() {
        Map<String, Map<String, List<String>>> list = LayoutVariants.heldOut("held-out-statements-5.tsv");
        // detail and flat blocks, one kind per account
        Map<String, List<String>> blocks = LayoutVariants.heldOutBlocks(list);
        assertThat(list.get("detail")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(list.get("flat")).isNotEmpty();
        assertThat(blocks).hasSize(list.get("detail").size() + list.get("flat").size());
        // nothing the earlier (development) lists 1 to 4 print, also after NFKC without spaces
        assertKnownAccountsAndNewWordings(list.get("label"), blocks, List.of("held-out-statements.tsv", "held-out-statements-2.tsv",
                "held-out-statements-3.tsv", "held-out-statements-4.tsv"), true, java.util.Set.of());
    }

    @Test
    void the_sixth_held_out_list_parses_and_names_only_known_accounts_with_new_wordings() {
        assertHeldOutListWithIndirectBlocks("held-out-statements-6.tsv", 5);
    }

    @Test
    void the_seventh_held_out_list_parses_and_names_only_known_accounts_with_new_wordings() {
        assertHeldOutListWithIndirectBlocks("held-out-statements-7.tsv", 6);
    }

    @Test
    void the_eighth_held_out_list_parses_and_names_only_known_accounts_with_new_wordings() {
        assertHeldOutListWithIndirectBlocks("held-out-statements-8.tsv", 7);
    }

    /** A list with detail, flat and indirect blocks, new against the {@code earlier} lists before it (development lists). */
    private static void assertHeldOutListWithIndirectBlocks(String name, int earlier) {
        Map<String, Map<String, List<String>>> list = LayoutVariants.heldOut(name);
        // detail, flat and indirect blocks, one kind per account
        Map<String, List<String>> blocks = LayoutVariants.heldOutBlocks(list);
        assertThat(list.get("detail")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(list.get("flat")).isNotEmpty();
        assertThat(list.get("indirect")).isNotEmpty();
        assertThat(blocks).hasSize(list.get("detail").size() + list.get("flat").size() + list.get("indirect").size());
        // the indirect form only on fixed assets (the account's line carries their acquisition cost)
        list.get("indirect").keySet().forEach(a -> assertThat(Catalogs.account(a).orElseThrow().parent()).isEqualTo("tangible_fixed_assets"));
        // nothing the earlier (development) lists print, also after NFKC without spaces
        List<String> lists = new java.util.ArrayList<>(List.of("held-out-statements.tsv"));
        for (int n = 2; n <= earlier; n++) {
            lists.add("held-out-statements-" + n + ".tsv");
        }
        assertKnownAccountsAndNewWordings(list.get("label"), blocks, lists, true, list.get("indirect").keySet());
    }

    /**
     * A held-out list's wordings: two for every account the generator prints, each a real account; its
     * blocks on leaves a planted leaf error never alters, with parts of their own; and nothing the tuned
     * variations, the catalogue or the {@code earlier} lists print (the generator's memo parts aside),
     * as printed and, when {@code normalised}, after NFKC without spaces. An {@code indirect} block (the
     * deductions of a fixed asset) may have a single part.
     */
    private static void assertKnownAccountsAndNewWordings(Map<String, List<String>> wordings, Map<String, List<String>> blocks,
                                                          List<String> earlier, boolean normalised, java.util.Set<String> indirect) {
        assertThat(wordings.keySet()).containsExactlyInAnyOrderElementsOf(LayoutVariants.LABELS.keySet());
        wordings.forEach((a, w) -> {
            assertThat(Catalogs.account(a)).as(a).isPresent();
            assertThat(w).as(a).hasSize(2).doesNotHaveDuplicates().allSatisfy(x -> assertThat(x).isNotBlank().doesNotContain("\t"));
        });
        blocks.forEach((a, parts) -> {
            assertThat(Catalogs.account(a)).as(a).isPresent();
            assertThat(Catalogs.childrenOf(a)).as(a).isEmpty();
            assertThat(LayoutVariants.MEMO_PARTS).as(a).doesNotContainKey(a);
            assertThat(LayoutVariants.PLANTABLE).as(a).doesNotContain(a);
            assertThat(parts).as(a).hasSizeGreaterThanOrEqualTo(indirect.contains(a) ? 1 : 3).doesNotHaveDuplicates().allSatisfy(x -> assertThat(x).isNotBlank());
        });
        java.util.Set<String> known = new java.util.HashSet<>();
        LayoutVariants.LABELS.values().forEach(known::addAll);
        LayoutVariants.WORDINGS_TUNED.values().forEach(known::addAll);
        LayoutVariants.DETAIL_TUNED.values().forEach(known::addAll);
        LayoutVariants.DETAIL_FORMS.values().forEach(known::addAll);
        Catalogs.accounts().values().forEach(a -> known.add(a.labelJa()));
        for (String list : earlier) {
            LayoutVariants.heldOut(list).values().forEach(m -> m.values().forEach(known::addAll));
        }
        known.removeAll(LayoutVariants.MEMO_PARTS.values()); // the generator needs these by name as parts
        List<String> printed = new ArrayList<>();
        wordings.values().forEach(printed::addAll);
        blocks.values().forEach(printed::addAll);
        printed.removeAll(LayoutVariants.MEMO_PARTS.values());
        assertThat(printed).noneMatch(known::contains);
        if (normalised) {
            java.util.function.Function<String, String> nfkc = x -> java.text.Normalizer.normalize(x, java.text.Normalizer.Form.NFKC)
                    .replaceAll("\\s", "");
            java.util.Set<String> knownNormalised = new java.util.HashSet<>(known.stream().map(nfkc).toList());
            assertThat(printed).noneMatch(x -> knownNormalised.contains(nfkc.apply(x)));
        }
    }

    @Test
    void a_flat_block_prints_its_parts_in_the_accounts_place_with_no_heading_and_no_total() throws IOException {
        List<String> parts = List.of("前払い分", "立替え分", "仮払い分");
        LayoutVariants.Style s = csvStyle();
        s.detail = Map.of("other_current_assets", parts, "equipment_costs", List.of("減価償却費", "機器賃借分", "修繕分"));
        s.flat = java.util.Set.of("other_current_assets", "equipment_costs");
        Map<String, Object> truth = new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(7), dir);

        for (String file : List.of("決算書_令和6年度.csv", "BS実績比較.csv")) {
            List<String> labels = labels(dir, file);
            assertThat(labels).as(file).containsSubsequence("診療材料", parts.get(0), parts.get(1), parts.get(2), "貸倒引当金");
            assertThat(labels).as(file).noneMatch(l -> l.startsWith("その他の流動資産"));
            Map<String, List<Long>> rows = rows(dir, file);
            int current = file.startsWith("BS") ? 1 : 0; // the comparison: previous year, current year, 増減
            assertThat(parts.stream().mapToLong(p -> rows.get(p).get(current)).sum()).as(file).isEqualTo(latent("other_current_assets"));
        }
        assertThat(rows("BS実績比較.csv").get(parts.get(0)).get(1)).isEqualTo(rows("決算書_令和6年度.csv").get(parts.get(0)).get(0));
        // 減価償却費 is a line of its own among 医業費用 and carries the depreciation figure; no memo line then
        List<String> pl = labels(dir, "決算書_令和6年度.csv");
        assertThat(pl).containsSubsequence("委託費", "減価償却費", "機器賃借分", "修繕分", "経費").doesNotContain("設備関係費", "設備関係費計");
        assertThat(pl.stream().filter(l -> l.contains("減価償却費")).count()).isEqualTo(1);
        Map<String, List<Long>> fs = rows("決算書_令和6年度.csv");
        assertThat(fs.get("減価償却費")).containsExactly(latent("depreciation"));
        assertThat(fs.get("減価償却費").get(0) + fs.get("機器賃借分").get(0) + fs.get("修繕分").get(0)).isEqualTo(latent("equipment_costs"));
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "other_current_assets")).isEqualTo(latent("other_current_assets"));
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "equipment_costs")).isEqualTo(latent("equipment_costs"));
    }

    @Test
    void a_list_draws_flat_blocks_with_its_detail_levels_and_plants_no_part_error_in_them() throws IOException {
        Path list = dir.resolve("list.tsv");
        Files.writeString(list, "label\tcash_and_deposits\t現金\n"
                + "flat\tother_current_assets\t前払い分|立替え分|仮払い分\n"
                + "flat\tother_current_liabilities\t未払い分|預り分|前受け分\n", StandardCharsets.UTF_8);
        withList(list.toString(), () -> {
            for (LayoutVariants.Variation v : List.of(LayoutVariants.Variation.HELD_OUT_DETAIL, LayoutVariants.Variation.HELD_OUT_COMBINED)) {
                for (int i = 0; i < 16; i++) {
                    LayoutVariants.Style s = LayoutVariants.style(v, i, new Random(i));
                    assertThat(s.flat).as(v + " #" + i).isNotEmpty().containsExactlyInAnyOrderElementsOf(s.detail.keySet());
                    assertThat(s.plant).as(v + " #" + i).isNotEqualTo(4);
                }
            }
        });
        // a list without flat lines draws from its detail levels alone, as before
        Map<String, Map<String, List<String>>> list1 = LayoutVariants.heldOut("held-out-statements.tsv");
        assertThat(LayoutVariants.heldOutBlocks(list1)).containsExactlyEntriesOf(list1.get("detail"));
        assertThat(LayoutVariants.flatOf(list1.get("detail"), list1)).isEmpty();
    }

    @Test
    void an_indirect_block_prints_the_acquisition_cost_on_the_accounts_line_and_its_deductions_under_it_with_no_net() throws IOException {
        List<String> deductions = List.of("償却累計分", "減損累計分");
        LayoutVariants.Style s = csvStyle();
        s.detail = Map.of("medical_equipment", deductions);
        s.indirect = java.util.Set.of("medical_equipment");
        Map<String, Object> truth = new LayoutVariants().writeApplication(aTruth(), "T", s, new Random(7), dir);

        long net = latent("medical_equipment");
        for (String file : List.of("決算書_令和6年度.csv", "BS実績比較.csv")) {
            assertThat(labels(dir, file)).as(file).containsSubsequence("建物", "医療用器械備品", deductions.get(0), deductions.get(1), "土地")
                    .doesNotContain("医療用器械備品計");
            Map<String, List<Long>> rows = rows(dir, file);
            int current = file.startsWith("BS") ? 1 : 0; // the comparison: previous year, current year, 増減
            long gross = rows.get("医療用器械備品").get(current);
            assertThat(deductions).as(file).allSatisfy(d -> assertThat(rows.get(d).get(current)).isNegative());
            assertThat(gross + deductions.stream().mapToLong(d -> rows.get(d).get(current)).sum()).as(file).isEqualTo(net);
            assertThat(gross).as(file).isGreaterThan(net);
        }
        // the comparison prints the same split as the statement
        assertThat(rows("BS実績比較.csv").get(deductions.get(0)).get(1)).isEqualTo(rows("決算書_令和6年度.csv").get(deductions.get(0)).get(0));
        assertThat(rows("決算書_令和6年度.csv").get("有形固定資産合計")).containsExactly(latent("tangible_fixed_assets"));
        assertThat(figure(truth, "FINANCIAL_STATEMENTS", "medical_equipment")).isEqualTo(net);
        assertThat(figure(truth, "BS_COMPARISON", "medical_equipment")).isEqualTo(net);
    }

    @Test
    void a_list_draws_indirect_blocks_with_its_other_blocks_and_plants_no_part_error_in_them() throws IOException {
        Path list = dir.resolve("list.tsv");
        Files.writeString(list, "label\tcash_and_deposits\t現金\n"
                + "detail\tother_current_assets\t前払い分|立替え分|仮払い分\n"
                + "indirect\tmedical_equipment\t償却累計分\n"
                + "indirect\tother_current_assets\t重複分\n", StandardCharsets.UTF_8);
        withList(list.toString(), () -> {
            Map<String, Map<String, List<String>>> parsed = LayoutVariants.heldOut(list.toString());
            // an account the list details keeps its detail level
            assertThat(LayoutVariants.heldOutBlocks(parsed)).containsOnlyKeys("other_current_assets", "medical_equipment")
                    .containsEntry("other_current_assets", List.of("前払い分", "立替え分", "仮払い分"));
            for (LayoutVariants.Variation v : List.of(LayoutVariants.Variation.HELD_OUT_DETAIL, LayoutVariants.Variation.HELD_OUT_COMBINED)) {
                for (int i = 0; i < 16; i++) {
                    LayoutVariants.Style s = LayoutVariants.style(v, i, new Random(i));
                    assertThat(s.indirect).as(v + " #" + i).containsExactly("medical_equipment");
                    assertThat(s.flat).as(v + " #" + i).isEmpty();
                    if (s.plant == 4) {
                        assertThat(s.plantAccount).as(v + " #" + i).isEqualTo("other_current_assets");
                    }
                }
            }
        });
        // a list without indirect lines draws none
        Map<String, Map<String, List<String>>> list5 = LayoutVariants.heldOut("held-out-statements-5.tsv");
        assertThat(LayoutVariants.indirectOf(LayoutVariants.heldOutBlocks(list5), list5)).isEmpty();
    }

    /** Runs with held-out list 1 (development data since decision 023) whatever list the build names. */
    private static void withList1(Runnable r) {
        withList("held-out-statements.tsv", r);
    }

    /** Runs with {@code list} as the held-out list whatever list the build names, and puts the build's back. */
    private static void withList(String list, Runnable r) {
        String before = System.getProperty("shinsa.variants.heldout");
        System.setProperty("shinsa.variants.heldout", list);
        try {
            r.run();
        } finally {
            if (before == null) {
                System.clearProperty("shinsa.variants.heldout");
            } else {
                System.setProperty("shinsa.variants.heldout", before);
            }
        }
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
        return rows(dir, file);
    }

    /** The first field of every line of a generated CSV, in order (headings included). */
    private static List<String> labels(Path app, String file) throws IOException {
        return Files.readAllLines(app.resolve(file), StandardCharsets.UTF_8).stream().map(l -> l.split(",", -1)[0]).toList();
    }

    private static long last(List<Long> values) {
        return values.get(values.size() - 1);
    }

    private static Map<String, List<Long>> rows(Path app, String file) throws IOException {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(app.resolve(file), StandardCharsets.UTF_8)) {
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
