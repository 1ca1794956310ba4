package jp.shinsa.ingest.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Figure;
import jp.shinsa.models.PrintedPart;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.TaughtMapping;
import org.junit.jupiter.api.Test;

/** Spreading small statements made here, row by row (no files). */
class StatementSpreaderTest {
    private static final int FY = 2024;

    /** Rows of a one-year statement: a label with a value, or a heading (null value). */
    static final class Sheet {
        final List<StatementRow> rows = new ArrayList<>();

        Sheet row(String label, Long value) {
            return row(label, value, 0);
        }

        Sheet row(String label, Long value, int indent) {
            int i = rows.size();
            rows.add(new StatementRow("bs.xlsx", i, label, List.of(), indent, value == null ? Map.of() : Map.of(FY, value), null,
                    SourceLocation.ofCell("bs.xlsx", "BS", "A" + (i + 1)), RowMapping.unmapped(List.of(), new jp.shinsa.models.Text("", "")),
                    value == null ? Map.of() : Map.of(FY, SourceLocation.ofCell("bs.xlsx", "BS", "B" + (i + 1))), null));
            return this;
        }

        StatementSpreader.Spread spread() {
            return spread(LearnedMappings.none());
        }

        StatementSpreader.Spread spread(LearnedMappings learned) {
            return StatementSpreader.spread("bs.xlsx", DocumentType.FINANCIAL_STATEMENTS, 1, false, rows, learned);
        }
    }

    private static Sheet currentLiabilities(String portionLabel) {
        return new Sheet().row("貸借対照表", null).row("負債の部", null).row("流動負債", null)
                .row("買掛金", 100L).row("短期借入金", 200L).row(portionLabel, 300L).row("その他の流動負債", 50L)
                .row("流動負債合計", 650L).row("固定負債", null).row("長期借入金", 1000L).row("固定負債合計", 1000L)
                .row("負債合計", 1650L);
    }

    @Test
    void should_read_a_within_one_year_qualifier_as_the_current_portion_not_as_long_term_borrowings() {
        StatementSpreader.Spread s = currentLiabilities("長期借入金（1年以内返済分）").spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("current_portion_long_term_debt", 300L), tuple("long_term_borrowings", 1000L))
                .doesNotContain(tuple("long_term_borrowings", 300L));
        StatementRow r = s.rows().stream().filter(x -> x.label().startsWith("長期借入金（")).findFirst().orElseThrow();
        assertThat(r.section()).containsExactly("負債の部", "流動負債");
        assertThat(r.mapping().confidence()).isGreaterThan(0.5);
    }

    @Test
    void should_offer_only_accounts_of_the_section_a_row_stands_in() {
        StatementSpreader.Spread s = currentLiabilities("短期借入債務等").spread();

        StatementRow r = s.rows().stream().filter(x -> x.label().equals("短期借入債務等")).findFirst().orElseThrow();
        assertThat(r.mapping().candidates()).isNotEmpty().allSatisfy(c ->
                assertThat(StatementSpreader.isAncestorOrSelf("current_liabilities", c.account())).as(c.account()).isTrue());
    }

    @Test
    void should_choose_the_account_under_which_the_subtotals_add_up() {
        // 「借入金」 alone could be 短期 or 長期: only 短期借入金 closes 流動負債合計 (the current portion is printed)
        Sheet sheet = new Sheet().row("負債の部", null).row("流動負債", null).row("買掛金", 100L).row("借入金", 200L)
                .row("1年以内返済予定長期借入金", 300L).row("流動負債合計", 600L).row("固定負債", null).row("長期借入金", 1000L)
                .row("固定負債合計", 1000L).row("負債合計", 1600L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("short_term_borrowings", 200L));
        StatementRow r = s.rows().stream().filter(x -> x.label().equals("借入金")).findFirst().orElseThrow();
        assertThat(r.mapping().reason().en()).contains("arithmetic holds");
    }

    @Test
    void should_call_a_mapping_uncertain_when_two_accounts_fit_equally() {
        // no subtotal printed: nothing tells 短期 from 長期
        StatementSpreader.Spread s = new Sheet().row("借入金", 200L).row("買掛金", 100L).spread();

        StatementRow r = s.rows().stream().filter(x -> x.label().equals("借入金")).findFirst().orElseThrow();
        assertThat(r.mapping().kind()).isNotEqualTo(RowMapping.Kind.IGNORED);
        if (r.mapping().kind() == RowMapping.Kind.ACCOUNT) {
            assertThat(r.mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
            assertThat(r.mapping().candidates()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void should_derive_an_account_printed_only_as_its_detail_lines_with_the_provenance_of_each() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業費用", null).row("材料費", null, 1)
                .row("医薬品費", 60L, 2).row("診療材料費", 30L, 2).row("給食用材料費", 10L, 2)
                .row("給与費", 500L, 1).row("委託費", 40L, 1).row("設備関係費", 70L, 1).row("経費", 20L, 1)
                .row("医業費用合計", 730L, 0);

        StatementSpreader.Spread s = sheet.spread();

        Figure material = s.figures().stream().filter(f -> f.account().equals("material_costs")).findFirst().orElseThrow();
        assertThat(material.value()).isEqualTo(100L);
        assertThat(material.derivedFrom()).extracting(PrintedPart::label, PrintedPart::value)
                .containsExactly(tuple("医薬品費", 60L), tuple("診療材料費", 30L), tuple("給食用材料費", 10L));
        assertThat(s.rows().stream().filter(r -> r.mapping().kind() == RowMapping.Kind.PART_OF).map(StatementRow::label))
                .containsExactly("医薬品費", "診療材料費", "給食用材料費");
        assertThat(s.figures()).extracting(Figure::account).doesNotContain("medical_supplies", "medicines");
    }

    @Test
    void should_check_a_printed_total_against_its_parts_and_keep_the_printed_one() {
        Sheet sheet = new Sheet().row("医業費用", null).row("材料費", null, 1)
                .row("医薬品費", 60L, 2).row("診療材料費", 30L, 2).row("材料費計", 90L, 1)
                .row("給与費", 500L, 1).row("医業費用合計", 590L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("material_costs"))
                .extracting(Figure::value, Figure::derived).containsExactly(tuple(90L, false));
        StatementRow part = s.rows().stream().filter(x -> x.label().equals("医薬品費")).findFirst().orElseThrow();
        assertThat(part.mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(part.mapping().account()).isEqualTo("material_costs");
    }

    @Test
    void should_keep_every_row_and_list_the_ones_no_account_fits() {
        Sheet sheet = new Sheet().row("貸借対照表", null).row("現金及び預金", 10L).row("病床数", 120L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.rows()).hasSize(3);
        assertThat(s.unmapped()).extracting(u -> u.label()).containsExactly("病床数");
    }

    @Test
    void should_apply_a_taught_wording_first_with_confidence_one() {
        Sheet sheet = new Sheet().row("病床数", 120L).row("施設整備借入金", 700L);
        LearnedMappings learned = LearnedMappings.of(List.of(new TaughtMapping(LearnedMappings.wordingKey("施設整備借入金"),
                DocumentType.FINANCIAL_STATEMENTS, RowMapping.Kind.ACCOUNT, "long_term_borrowings")));

        StatementSpreader.Spread s = sheet.spread(learned);

        assertThat(s.figures()).extracting(Figure::account, Figure::value, Figure::confidence)
                .containsExactly(tuple("long_term_borrowings", 700L, 1.0));
        assertThat(s.rows().get(1).mapping().taught()).isTrue();
    }

    @Test
    void should_keep_parts_confident_when_only_their_printed_total_disagrees_with_them() {
        // 診療材料費 misprinted by 5: the block's structure (heading 材料費, parts, 材料費計) stands
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業費用", null).row("材料費", null, 1)
                .row("医薬品費", 60L, 2).row("診療材料費", 35L, 2).row("材料費計", 90L, 1)
                .row("給与費", 500L, 1).row("医業費用合計", 590L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.rows()).filteredOn(r -> r.mapping().kind() == RowMapping.Kind.PART_OF)
                .extracting(StatementRow::label).containsExactly("医薬品費", "診療材料費");
        assertThat(s.rows()).filteredOn(r -> r.mapping().kind() == RowMapping.Kind.PART_OF)
                .allSatisfy(r -> assertThat(r.mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
        assertThat(s.figures()).filteredOn(f -> f.account().equals("material_costs")).extracting(Figure::value).containsExactly(90L);
    }

    @Test
    void should_end_a_detail_block_without_indentation_where_the_arithmetic_says() {
        // no indentation, no 医業外費用 total: the lines after the block are the profit lines, not parts
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業利益", 100L).row("医業外収益", 30L)
                .row("医業外費用", null).row("患者外給食用材料費", 10L).row("診療費減免額", 15L)
                .row("経常利益", 105L).row("特別利益", 0L).row("税引前当期純利益", 105L).row("法人税等", 5L)
                .row("当期純利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("non_operating_expenses", 25L),
                tuple("ordinary_profit", 105L), tuple("pretax_profit", 105L), tuple("income_taxes", 5L), tuple("net_income", 100L));
    }

    @Test
    void should_place_two_lines_a_section_lacks_together_when_only_both_make_it_add_up() {
        // 無形資産 resembles 無形固定資産; 投資等合計 resembles nothing: only the pair closes 固定資産合計
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("固定資産", null)
                .row("有形固定資産合計", 700L).row("無形資産", 50L).row("投資等合計", 250L).row("固定資産合計", 1000L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("intangible_fixed_assets", 50L), tuple("other_fixed_assets", 250L));
    }

    @Test
    void should_read_a_line_named_like_its_detail_block_as_the_blocks_remainder_when_the_block_total_follows() {
        // 病院会計準則: the last line of the その他の医業収益 block is その他の医業収益 again, then the block's 計
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", null).row("入院診療収益", 100L, 1)
                .row("その他の医業収益", null, 1).row("室料差額収益", 10L, 2).row("保健予防活動収益", 20L, 2)
                .row("その他の医業収益", 5L, 2).row("その他の医業収益計", 35L, 1).row("医業収益合計", 135L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("other_medical_revenue"))
                .extracting(Figure::value, Figure::derived).containsExactly(tuple(35L, false));
        StatementRow remainder = s.rows().get(6);
        assertThat(remainder.mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(remainder.mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_sum_a_block_whose_last_line_repeats_its_name_when_no_total_is_printed() {
        // no indentation, no 計: the repeated name is the remainder, the enclosing total confirms it
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", null).row("入院診療収益", 100L)
                .row("その他の医業収益", null).row("室料差額収益", 10L).row("保健予防活動収益", 20L)
                .row("その他の医業収益", 5L).row("医業収益の合計", 135L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("other_medical_revenue", 35L), tuple("medical_revenue", 135L))
                .doesNotContain(tuple("other_medical_revenue", 5L));
    }

    @Test
    void should_keep_a_line_named_like_its_block_as_the_block_total_when_its_parts_add_up_to_it() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", null).row("入院診療収益", 100L)
                .row("その他の医業収益", null).row("室料差額収益", 10L).row("保健予防活動収益", 20L)
                .row("その他の医業収益", 30L).row("医業収益合計", 130L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("other_medical_revenue"))
                .extracting(Figure::value, Figure::derived).containsExactly(tuple(30L, false));
    }

    @Test
    void should_end_a_detail_block_at_a_total_line_of_another_account() {
        // no indentation: 設備関係費計 is a total, never a part of the 給与費 block above it
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業費用", null).row("材料費", 100L)
                .row("給与費", null).row("給料", 50L).row("賞与", 30L).row("設備関係費計", 20L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("personnel_costs", 80L), tuple("equipment_costs", 20L));
    }

    @Test
    void should_read_a_total_line_as_the_total_of_an_enclosing_section() {
        // the その他の有形固定資産 block prints no total of its own: 有形固定資産の合計 closes 有形固定資産
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("固定資産", null).row("有形固定資産", null)
                .row("建物", 100L).row("土地", 50L).row("その他の有形固定資産", null).row("構築物", 5L).row("車両運搬具", 3L)
                .row("有形固定資産の合計", 158L).row("無形固定資産合計", 10L).row("固定資産合計", 168L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("tangible_fixed_assets", 158L), tuple("other_tangible_assets", 8L));
    }

    @Test
    void should_place_lines_without_label_evidence_where_the_statement_order_puts_them_for_a_person_to_confirm() {
        // 臨時利益 / 臨時損失 between 経常利益 and 税引前当期純利益: the chart's two lines there, in order; the
        // sums hold, but the wording was not understood: the examiner confirms (and can teach it)
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 100L).row("臨時利益", 20L).row("臨時損失", 30L)
                .row("税引前当期純利益", 90L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("extraordinary_gains", 20L), tuple("extraordinary_losses", 30L));
        assertThat(s.figures()).filteredOn(f -> f.account().startsWith("extraordinary"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_trust_a_total_at_its_place_when_the_lines_it_totals_add_up_to_it() {
        // 本業の差引額 and 通常の損益 stand where 医業利益 and 経常利益 belong, and are exactly what the rows
        // above them give: a total is determined by its components, which no other line could be
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("本業の差引額", 100L)
                .row("医業外収益", 30L).row("医業外費用", 20L).row("通常の損益", 110L).row("特別利益", 5L).row("特別損失", 15L)
                .row("税引前当期純利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("medical_profit") || f.account().equals("ordinary_profit"))
                .extracting(Figure::account, Figure::value)
                .containsExactlyInAnyOrder(tuple("medical_profit", 100L), tuple("ordinary_profit", 110L));
        assertThat(s.figures()).filteredOn(f -> f.account().equals("medical_profit") || f.account().equals("ordinary_profit"))
                .allSatisfy(f -> assertThat(f.confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_not_trust_a_total_at_its_place_when_its_lines_do_not_add_up_to_it() {
        // 医業収益 − 医業費用 = 100, but the line at 医業利益's place says 130: its place is all it has
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("本業の差引額", 130L)
                .row("医業外収益", 30L).row("医業外費用", 20L).row("経常利益", 140L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("medical_profit"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_read_a_block_headed_by_an_other_scoped_by_a_bracket_as_the_parts_of_that_other_account() {
        // その他（有形固定資産） heads the block of その他の有形固定資産; a part resembling a named line (器械備品) is
        // still a part, and the named lines above the block stay theirs
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("固定資産", null).row("有形固定資産", null)
                .row("病棟建物", 100L).row("医療器械", 200L).row("病院敷地", 300L).row("その他（有形固定資産）", null)
                .row("運搬用車両", 5L).row("その他の器械備品", 7L).row("賃借資産", 3L).row("その他（有形固定資産）計", 15L)
                .row("有形固定資産合計", 615L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("other_tangible_assets", 15L), tuple("medical_equipment", 200L), tuple("land", 300L),
                        tuple("tangible_fixed_assets", 615L))
                .doesNotContain(tuple("medical_equipment", 7L));
    }

    /** A balance sheet whose 権利資産 block (a heading no account is named by) ends in its own total line, 権利資産計 35. */
    private static Sheet rightsBlock(long lastLine) {
        return new Sheet().row("貸借対照表", null).row("資産の部", null).row("固定資産", null).row("建物", 500L)
                .row("有形固定資産合計", 500L).row("権利資産", null).row("地上権", 20L).row("業務用プログラム", 12L).row("通信回線権", lastLine)
                .row("権利資産計", 35L).row("その他の資産合計", 65L).row("固定資産合計", 600L);
    }

    @Test
    void should_read_a_block_whose_heading_names_no_account_through_its_own_total_line() {
        // 権利資産 names no account; 権利資産計 is its total (the heading's wording + 計) and the lines
        // between add up to it: they are its detail, and the total alone takes a line 固定資産 lacks
        Sheet sheet = rightsBlock(3L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("intangible_fixed_assets", 35L), tuple("other_fixed_assets", 65L))
                .doesNotContain(tuple("intangible_fixed_assets", 20L), tuple("other_fixed_assets", 20L));
        assertThat(s.unmapped()).extracting(u -> u.label()).doesNotContain("地上権", "業務用プログラム", "通信回線権");
        assertThat(s.rows()).filteredOn(r -> r.label().equals("地上権")).singleElement()
                .satisfies(r -> assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF));
    }

    @Test
    void should_keep_the_lines_of_such_a_block_as_its_detail_when_they_miss_its_total_for_the_mismatch_to_be_reported() {
        // 通信回線権 was typed 13 for 3: the lines no longer add up to 権利資産計, but they are still its detail
        Sheet sheet = rightsBlock(13L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("intangible_fixed_assets", 35L));
        assertThat(s.rows()).filteredOn(r -> r.label().equals("通信回線権")).singleElement()
                .satisfies(r -> assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF));
    }

    @Test
    void should_read_every_line_of_a_named_block_with_its_total_as_a_part_even_where_leaving_one_out_would_add_up() {
        // the block's total is 0 and so are its lines, but one typed 12,345: leaving it out would make the
        // sum hold, yet it stands between the heading and the total line, so it is a part (and a finding)
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 500L).row("特別利益", null).row("固定資産売却益", 12_345L)
                .row("補助金収入", 0L).row("寄付金収益", 0L).row("特別利益計", 0L).row("特別損失", 0L).row("税引前当期純利益", 500L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.rows()).filteredOn(r -> r.label().equals("固定資産売却益")).singleElement()
                .satisfies(r -> assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF));
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("extraordinary_gains", 0L));
    }

    @Test
    void should_place_the_last_lines_of_a_statement_after_its_last_line_read() {
        // 年度の最終損益 ends the income statement, a balance sheet follows: the chart's line after 法人税等 is 当期純利益
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 120L).row("特別利益", 0L).row("特別損失", 20L)
                .row("税引前当期純利益", 100L).row("法人税住民税及び事業税", 30L).row("年度の最終損益", 70L)
                .row("貸借対照表", null).row("資産の部", null).row("流動資産", null).row("現金及び預金", 50L).row("流動資産合計", 50L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("net_income", 70L), tuple("cash_and_deposits", 50L));
        // a total its components add up to (100 − 30): trusted at its place
        assertThat(s.figures()).filteredOn(f -> f.account().equals("net_income"))
                .allSatisfy(f -> assertThat(f.confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_trust_a_total_at_its_place_that_is_the_one_unread_line_of_an_identity_that_holds() {
        // 経常の差引 is the one line of 税引前当期純利益 = 経常利益 + 特別利益 − 特別損失 not read by its wording; the
        // leaf 医業外の支出 beside it only fills a remainder and stays a place to confirm
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業利益", 100L).row("医業外収益", 30L).row("医業外の支出", 10L)
                .row("経常の差引", 120L).row("特別利益", 5L).row("特別損失", 15L).row("税引前当期純利益", 110L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("ordinary_profit", 120L), tuple("non_operating_expenses", 10L));
        assertThat(s.figures()).filteredOn(f -> f.account().equals("ordinary_profit"))
                .allSatisfy(f -> assertThat(f.confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
        assertThat(s.figures()).filteredOn(f -> f.account().equals("non_operating_expenses"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_place_zero_lines_by_their_order_but_leave_them_uncertain() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 100L).row("臨時利益", 0L).row("臨時損失", 0L)
                .row("税引前当期純利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("extraordinary_gains", 0L), tuple("extraordinary_losses", 0L));
        assertThat(s.figures()).filteredOn(f -> f.account().startsWith("extraordinary"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_keep_an_unknown_wording_at_its_place_but_uncertain_when_its_section_does_not_add_up() {
        // 未収診療報酬 stands where 医業未収金 belongs; 流動資産合計 is misprinted: no reading adds up
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("流動資産", null).row("現金及び預金", 100L)
                .row("未収診療報酬", 200L).row("医薬品", 30L).row("流動資産合計", 999L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("medical_receivables"))
                .singleElement().satisfies(f -> {
                    assertThat(f.value()).isEqualTo(200L);
                    assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN);
                });
    }

    @Test
    void should_end_a_flat_detail_block_at_a_line_that_resembles_a_sibling_of_the_blocks_account() {
        // no indentation, no totals: 業務委託費 changes no sum either way, but its label reads as 委託費
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業費用", null).row("材料費", 100L)
                .row("給与費", null).row("給料", 50L).row("賞与", 30L).row("業務委託費", 20L).row("医業費用の合計", 200L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("personnel_costs", 80L), tuple("outsourcing_costs", 20L), tuple("medical_expenses", 200L));
        assertThat(s.figures()).filteredOn(f -> f.account().equals("outsourcing_costs"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_give_a_row_no_wording_fits_the_account_its_place_in_the_statement_gives() {
        // ク臨時損失: no n-gram evidence at all, but it stands where the chart prints 特別損失
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 100L).row("特別利益", 10L).row("ク臨時損失", 0L)
                .row("税引前当期純利益", 110L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("extraordinary_losses", 0L));
    }

    @Test
    void should_end_an_indented_detail_block_at_a_line_printed_at_its_headings_indentation() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業費用", null).row("材料費", 100L, 1)
                .row("給与費", null, 1).row("給料", 50L, 2).row("賞与", 30L, 2).row("その他の医業費用", 20L, 1)
                .row("医業費用合計", 200L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("personnel_costs", 80L), tuple("other_medical_expenses", 20L));
    }

    @Test
    void should_read_a_line_right_after_a_total_and_within_it_as_the_memo_account_the_chart_includes_there() {
        // 借入金利息 under 医業外費用, no うち: the chart's memo account included in 医業外費用 is 支払利息
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業利益", 100L).row("医業外収益", 30L).row("医業外費用", 20L)
                .row("借入金利息", 15L).row("経常利益", 110L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("interest_expense", 15L));
        assertThat(s.figures()).filteredOn(f -> f.account().equals("interest_expense"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_place_an_unknown_total_and_its_unnamed_memo_line_in_chart_order() {
        // 医業外支出 (weak) and 借入金利息 (none) between 医業外収益 and 経常利益: 医業外費用, then its 支払利息
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業利益", 100L).row("医業外収益", 30L).row("医業外支出", 20L)
                .row("借入金利息", 15L).row("経常利益", 110L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("non_operating_expenses", 20L), tuple("interest_expense", 15L));
    }

    @Test
    void should_not_doubt_a_row_because_of_an_identity_that_fails_under_every_reading_of_it() {
        // two years; 2024's 流動資産合計 is misprinted: 医薬品在庫 cannot cure it, and 2023 adds up with it
        List<StatementRow> rows = new ArrayList<>();
        String[][] lines = {{"貸借対照表", null, null}, {"資産の部", null, null}, {"流動資産", null, null},
                {"現金及び預金", "100", "110"}, {"医薬品在庫", "30", "40"}, {"診療材料", "20", "20"}, {"流動資産合計", "150", "999"}};
        for (String[] l : lines) {
            int i = rows.size();
            Map<Integer, Long> values = l[1] == null ? Map.of() : Map.of(2023, Long.parseLong(l[1]), 2024, Long.parseLong(l[2]));
            Map<Integer, SourceLocation> at = l[1] == null ? Map.of() : Map.of(2023, SourceLocation.ofCell("bs.xlsx", "BS", "B" + (i + 1)),
                    2024, SourceLocation.ofCell("bs.xlsx", "BS", "C" + (i + 1)));
            rows.add(new StatementRow("bs.xlsx", i, l[0], List.of(), 0, values, null, SourceLocation.ofCell("bs.xlsx", "BS", "A" + (i + 1)),
                    RowMapping.unmapped(List.of(), new jp.shinsa.models.Text("", "")), at, null));
        }

        StatementSpreader.Spread s = StatementSpreader.spread("bs.xlsx", DocumentType.FINANCIAL_STATEMENTS, 1, false, rows,
                LearnedMappings.none());

        assertThat(s.figures()).filteredOn(f -> f.account().equals("medicines"))
                .extracting(Figure::value).containsExactlyInAnyOrder(30L, 40L);
        assertThat(s.figures()).filteredOn(f -> f.account().equals("medicines"))
                .allSatisfy(f -> assertThat(f.confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
    }
}
