package jp.shinsa.ingest.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import jp.shinsa.ingest.spread.StatementSpreaderTest.Sheet;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.StatementRow;
import org.junit.jupiter.api.Test;

/**
 * Statements made here whose wordings the reader does not know, read by their structure: an "of
 * which" line under its total, the chart order of the lines, where a flat detail block ends
 * (docs/decisions/020-statement-spreading-detail.md, "Fourth pass").
 */
class StatementOrderSpreadingTest {

    private static StatementRow row(StatementSpreader.Spread s, String label) {
        return s.rows().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void should_read_an_unknown_of_which_line_under_a_total_as_the_memo_account_the_chart_includes_in_it_for_a_person_to_confirm() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("医業利益", 100L)
                .row("医業外収益", 50L).row("医業外費用", 30L).row("うち金融機関への利払い", 20L).row("経常利益", 120L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("interest_expense", 20L));
        StatementRow r = row(s, "うち金融機関への利払い");
        assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
        assertThat(r.mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
        assertThat(r.mapping().reason().en()).contains("of which");
    }

    @Test
    void should_read_the_line_over_an_indented_memo_line_as_the_account_the_chart_includes_that_memo_in() {
        // 設備関連経費 resembles 経費 more than 設備関係費, but the 減価償却費 set under it is included in 設備関係費
        // alone; 運営経費 is then the 経費 line, and the two unknown wordings take the places left between
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", 1000L, 0).row("医業費用", null, 0)
                .row("材料費", 200L, 1).row("職員の給料・手当", 400L, 1).row("外部業者への支払", 50L, 1).row("設備関連経費", 90L, 1)
                .row("減価償却費", 60L, 2).row("運営経費", 40L, 1).row("医業費用合計", 780L, 0).row("医業利益", 220L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("equipment_costs", 90L),
                tuple("other_medical_expenses", 40L), tuple("depreciation", 60L), tuple("medical_expenses", 780L));
        assertThat(row(s, "設備関連経費").mapping().reason().en()).contains("includes the memo line");
        assertThat(row(s, "設備関連経費").mapping().reason().ja()).contains("内書き");
    }

    @Test
    void should_read_a_fixed_asset_printed_with_its_deductions_under_it_as_the_net_of_the_lines() {
        // 間接控除: 器械備品 carries the acquisition cost, the lines under it what is taken off; only the net
        // makes 有形固定資産合計 add up, and the figure says which printed rows it sums
        Sheet sheet = new Sheet().row("貸借対照表", null, 0).row("有形固定資産", null, 0).row("建物", 500L, 1).row("器械備品", 400L, 1)
                .row("減価償却累計額", -150L, 2).row("減損損失累計額", -50L, 2).row("土地", 300L, 1).row("有形固定資産合計", 1000L, 0);

        StatementSpreader.Spread s = sheet.spread();

        Figure equipment = s.figures().stream().filter(f -> f.account().equals("medical_equipment")).findFirst().orElseThrow();
        assertThat(equipment.value()).isEqualTo(200L);
        assertThat(equipment.derivedFrom()).hasSize(3);
        assertThat(row(s, "器械備品").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(row(s, "器械備品").mapping().reason().en()).contains("acquisition cost");
        assertThat(row(s, "減価償却累計額").mapping().reason().ja()).contains("控除");
    }

    @Test
    void should_read_the_indirect_form_without_indentation_when_the_deductions_are_worded_like_a_faintly_named_asset() {
        // a CSV prints no indentation: the deductions are recognised by their negative amounts and by naming the
        // same asset as the line above, which itself resembles 医療用器械備品 only faintly
        Sheet sheet = new Sheet().row("貸借対照表", null, 0).row("有形固定資産", null, 0).row("建物", 500L, 0)
                .row("医療器械・器具備品", 400L, 0).row("器械備品減価償却累計額", -150L, 0).row("器械備品減損損失累計額", -50L, 0)
                .row("土地", 300L, 0).row("有形固定資産合計", 1000L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("medical_equipment", 200L))
                .doesNotContain(tuple("medical_equipment", -150L));
    }

    @Test
    void should_keep_an_asset_line_as_the_account_when_the_total_adds_up_with_it_and_not_with_the_lines_under_it() {
        // the same shape, but 有形固定資産合計 holds with 器械備品 as printed: the negative lines are no deductions of it
        Sheet sheet = new Sheet().row("貸借対照表", null, 0).row("有形固定資産", null, 0).row("建物", 500L, 1).row("器械備品", 400L, 1)
                .row("減価償却累計額", -150L, 2).row("減損損失累計額", -50L, 2).row("土地", 300L, 1).row("有形固定資産合計", 1200L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("medical_equipment", 400L))
                .doesNotContain(tuple("medical_equipment", 200L));
        assertThat(row(s, "器械備品").mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
    }

    @Test
    void should_not_read_a_line_after_a_printed_total_as_one_of_that_totals_lines() {
        // 有形固定資産合計 closed its block: 建物建替特定預金 resembles 建物 but is a line of the other fixed assets,
        // printed flat with the two after it (no heading, no total of their own)
        Sheet sheet = new Sheet().row("貸借対照表", null, 0).row("固定資産", null, 0).row("有形固定資産", null, 1).row("建物", 500L, 2)
                .row("土地", 300L, 2).row("有形固定資産合計", 800L, 1).row("無形固定資産合計", 40L, 1).row("建物建替特定預金", 60L, 1)
                .row("長期前払費用", 30L, 1).row("敷金・保証金", 20L, 1).row("固定資産合計", 990L, 0);

        StatementSpreader.Spread s = sheet.spread();

        // 固定資産合計 is misprinted (950 would add up), so the sums cannot tell: the closed block does
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("buildings", 500L))
                .doesNotContain(tuple("buildings", 60L));
        assertThat(row(s, "建物建替特定預金").mapping().account()).isEqualTo("other_fixed_assets");
    }

    @Test
    void should_read_a_name_of_the_other_side_of_the_balance_sheet_as_a_faint_reading_only() {
        // 出資金 under the assets is an investment (in a 信用金庫), not the corporation's capital: it is one of
        // the flat lines of the other fixed assets
        Sheet sheet = new Sheet().row("貸借対照表", null, 0).row("資産の部", null, 0).row("固定資産", null, 0)
                .row("有形固定資産合計", 800L, 1).row("無形固定資産合計", 40L, 1).row("長期前払費用", 30L, 1).row("出資金（信用金庫）", 25L, 1)
                .row("敷金・保証金", 20L, 1).row("固定資産合計", 925L, 0).row("資産合計", 925L, 0);

        StatementSpreader.Spread s = sheet.spread();

        // 固定資産合計 is misprinted (915 would add up), so the sums cannot tell: the side of the sheet does
        assertThat(s.figures()).extracting(Figure::account, Figure::value).doesNotContain(tuple("capital", 25L));
        StatementRow r = row(s, "出資金（信用金庫）");
        assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(r.mapping().account()).isEqualTo("other_fixed_assets");
    }

    @Test
    void should_read_lines_that_each_resemble_one_account_with_an_unread_line_before_them_as_that_account_printed_flat() {
        // no line names 法人税等 outright: the current tax (worded like nothing), its adjustment and the prior
        // years' tax together are the taxes that take 税引前 to 当期純利益
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 500L).row("特別利益", 0L).row("特別損失", 0L)
                .row("税引前当期純利益", 500L).row("当期の課税額（国・地方）", 120L).row("法人税等調整額", 20L).row("過年度法人税等", 10L)
                .row("当期純利益（税引後）", 350L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("income_taxes", 150L),
                tuple("net_income", 350L), tuple("pretax_profit", 500L));
    }

    @Test
    void should_not_close_a_section_at_the_total_line_of_an_unnamed_block_that_only_faintly_resembles_the_sections_total() {
        // 入院医業収益計 ends the block of 入院医業収益 (a part of 医業収益, so its likeness to it is faint): the lines
        // after it are still 医業収益's, and 外来医業収益 takes the place left between the inpatient and other lines
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", null, 0).row("入院医業収益", null, 1)
                .row("入院社保収益", 300L, 2).row("入院国保収益", 200L, 2).row("入院医業収益計", 500L, 1).row("外来医業収益", 250L, 1)
                .row("その他の医業収益", 50L, 1).row("医業収益合計", 800L, 0).row("医業費用", 700L, 0).row("医業利益", 100L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("inpatient_revenue", 500L),
                tuple("outpatient_revenue", 250L), tuple("medical_revenue", 800L));
    }

    @Test
    void should_end_a_section_whose_lines_are_indented_at_the_first_line_printed_at_its_headings_indentation() {
        // 本業の費用総額 and 本業の差額 resemble no account; printed at the indentation of the heading 医業費用, after
        // its indented lines, the first is its total and the second comes after the section: it is not one of
        // 医業費用's lines, and the arithmetic reads it as 医業利益
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", null, 0).row("入院診療収益", 600L, 1)
                .row("外来診療収益", 400L, 1).row("医業収益合計", 1000L, 0).row("医業費用", null, 0).row("材料費", 200L, 1)
                .row("給与費", 400L, 1).row("経費", 100L, 1).row("本業の費用総額", 700L, 0).row("本業の差額", 300L, 0)
                .row("医業外収益", 50L, 0).row("医業外費用", 20L, 0).row("経常利益", 330L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "本業の差額").section()).doesNotContain("医業費用");
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("medical_expenses", 700L),
                tuple("medical_profit", 300L));
    }

    @Test
    void should_tell_sibling_lines_apart_by_a_word_only_one_of_them_has_where_the_place_alone_would_read_another() {
        // the label names only the section (附属施設収益); its bracket's word is one only one line of 医業収益 has.
        // The clinic has no inpatients: by its place alone the first line would be 入院診療収益
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", null, 0).row("附属施設収益（外来）", 300L, 1)
                .row("その他の医業収益", 100L, 1).row("医業収益合計", 400L, 0)
                .row("医業費用", 300L, 0).row("医業利益", 100L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("outpatient_revenue", 300L));
        assertThat(row(s, "附属施設収益（外来）").mapping().reason().en()).contains(StatementSpreader.DISTINCT_WORD_WHY);
    }

    @Test
    void should_read_negative_lines_with_no_reading_of_their_own_right_under_a_fixed_asset_as_its_deductions() {
        // a CSV without indentation or △, and deductions worded like no account: no fixed asset is negative
        Sheet sheet = new Sheet().row("貸借対照表", null, 0).row("有形固定資産", null, 0).row("建物", 500L, 0)
                .row("土地", 300L, 0).row("その他の有形固定資産", 400L, 0).row("償却累計（舗装・門扉）", -150L, 0)
                .row("償却累計（送迎車）", -50L, 0).row("有形固定資産合計", 1000L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("other_tangible_assets", 200L))
                .doesNotContain(tuple("other_tangible_assets", 400L));
    }

    @Test
    void should_read_lines_that_each_resemble_one_account_with_an_unread_line_after_them_as_that_account_printed_flat() {
        // no line names 積立金 outright: two lines like it and the unread line after them make the net assets' rest
        Sheet sheet = new Sheet().row("貸借対照表", null).row("純資産の部", null).row("出資金", 100L).row("施設整備積立金", 300L)
                .row("退職給与積立金", 200L).row("繰越活動差額", 150L).row("純資産合計", 750L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("reserves", 650L),
                tuple("net_assets", 750L));
    }

    @Test
    void should_open_the_block_of_the_one_line_a_headings_word_tells_apart_from_its_siblings() {
        // 附属施設収益（外来） names only the section; 外来 is a word only 外来診療収益 has, so its lines are that
        // line's. A clinic without inpatients: at their place alone they would be 入院診療収益's
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", null, 0)
                .row("附属施設収益（外来）", null, 1).row("本館分", 200L, 2).row("東館分", 100L, 2)
                .row("その他の医業収益", 100L, 1).row("医業収益合計", 400L, 0).row("医業費用", 300L, 0).row("医業利益", 100L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("outpatient_revenue", 300L));
        assertThat(row(s, "本館分").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
    }

    @Test
    void should_end_a_section_without_indentation_at_a_total_line_worded_nearer_to_it_than_to_its_lines() {
        // no indentation: 活動支出の計 names nothing, and resembles none of 医業費用's lines, so it is 医業費用's
        // total and 本業の差額 after it is not one of 医業費用's lines
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", 1000L, 0).row("医業費用", null, 0)
                .row("材料費", 200L, 0).row("給与費", 400L, 0).row("経費", 100L, 0).row("活動支出の計", 700L, 0)
                .row("本業の差額", 300L, 0).row("医業外収益", 50L, 0).row("医業外費用", 20L, 0).row("経常利益", 330L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "本業の差額").section()).doesNotContain("医業費用");
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("medical_expenses", 700L),
                tuple("medical_profit", 300L));
    }

    @Test
    void should_read_a_short_form_of_one_lines_name_as_that_line_with_confidence_when_the_sums_hold() {
        Sheet sheet = new Sheet().row("貸借対照表", null).row("負債の部", null).row("固定負債", null).row("退引（職員分）", 200L)
                .row("長借（病棟建設）", 1000L).row("その他の固定負債", 50L).row("固定負債合計", 1250L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("long_term_borrowings", 1000L),
                tuple("retirement_benefit_provision", 200L));
        assertThat(row(s, "長借（病棟建設）").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "長借（病棟建設）").mapping().reason().en()).contains(StatementSpreader.ABBREVIATION_WHY);
    }

    @Test
    void should_keep_a_block_with_a_memo_line_among_its_lines_as_a_block_when_its_lines_miss_its_total() {
        // a part typed wrong: the lines of 設備関連の経費 (減価償却費 among them) add up to 100, its total says 110.
        // The heading and its total line still make it a block: a finding about the statement, not a reason
        // to read its lines as something else
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", 1000L, 0).row("医業費用", null, 0)
                .row("材料費", 200L, 0).row("給与費", 400L, 0).row("設備関連の経費", null, 0).row("減価償却費", 30L, 0)
                .row("機器の借料", 50L, 0).row("保守の料金", 20L, 0).row("設備関連の経費計", 110L, 0).row("経費", 90L, 0)
                .row("医業費用合計", 800L, 0).row("医業利益", 200L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "機器の借料").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(row(s, "機器の借料").mapping().account()).isEqualTo("equipment_costs");
        assertThat(row(s, "減価償却費").mapping().account()).isEqualTo("depreciation");
    }

    @Test
    void should_read_a_line_that_lists_items_and_others_as_its_sections_other_line_with_confidence() {
        // printed before the site (worded like nothing), against the chart order: the sums hold either way round,
        // and only its words say which of the two is the catch-all line
        Sheet sheet = new Sheet().row("貸借対照表", null).row("有形固定資産", null).row("建物", 500L)
                .row("医療用器械備品", 300L).row("舗装・門扉ほか", 80L).row("病院の敷地", 120L).row("有形固定資産合計", 1000L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("other_tangible_assets", 80L),
                tuple("land", 120L));
        assertThat(row(s, "舗装・門扉ほか").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_not_take_a_blocks_total_line_for_a_flat_line_of_the_account_its_wording_resembles() {
        // 設備関連経費計 and 運営経費 both resemble 経費, but the first closes a block of its own: it is not one of
        // 経費's lines printed flat (the sums hold either way, so only the structure can tell)
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", 1000L, 0).row("医業費用", null, 0)
                .row("材料費", 200L, 1).row("給与費", 400L, 1).row("設備関連経費", null, 1).row("機器保守料", 30L, 2)
                .row("建物等賃借料", 40L, 2).row("設備関連経費計", 70L, 1).row("運営経費", 60L, 1).row("医業費用合計", 730L, 0)
                .row("医業利益", 270L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "設備関連経費計").mapping().kind()).isNotEqualTo(RowMapping.Kind.PART_OF);
        assertThat(s.figures()).extracting(Figure::account, Figure::value).doesNotContain(tuple("other_medical_expenses", 130L));
    }

    @Test
    void should_read_unread_lines_at_a_sections_start_as_the_one_account_missing_before_its_first_line_read() {
        // three lines nobody named open 医業収益, before 外来診療収益: 入院診療収益 printed flat, with no total
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", null).row("包括評価分", 300L).row("出来高評価分", 200L)
                .row("食事療養分", 100L).row("外来診療収益", 250L).row("その他の医業収益", 50L).row("医業収益合計", 900L)
                .row("医業費用", 800L).row("医業利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("inpatient_revenue", 600L));
        assertThat(row(s, "包括評価分").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
    }

    @Test
    void should_split_a_run_of_unread_lines_at_a_heading_printed_inside_it_one_place_per_group() {
        // two places between 経常利益 and 税引前当期純利益, four unread lines: the heading over the last three
        // says they go together (the losses printed flat), the line before it is the gains
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 500L).row("臨時の収入", 30L).row("臨時の支出", null)
                .row("固定資産除却損", 10L).row("固定資産売却損", 15L).row("減損損失", 5L).row("税引前当期純利益", 500L)
                .row("法人税等", 150L).row("当期純利益", 350L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("extraordinary_gains", 30L),
                tuple("extraordinary_losses", 30L));
    }

    @Test
    void should_open_a_sibling_block_at_a_heading_printed_after_the_lines_of_a_detail_block_with_no_total() {
        // 職員給与費's lines have no total line: the heading 業務委託費 after them is no part of it but the next
        // block of 医業費用, nearest to 委託費
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業収益", 1000L, 0).row("医業費用", null, 0).row("材料費", 200L, 1)
                .row("職員給与費", null, 1).row("給料", 250L, 2).row("賞与", 100L, 2).row("業務委託費", null, 1).row("検査委託費", 30L, 2)
                .row("給食委託費", 40L, 2).row("設備関係費", 80L, 1).row("経費", 50L, 1).row("医業費用合計", 750L, 0).row("医業利益", 250L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("personnel_costs", 350L),
                tuple("outsourcing_costs", 70L));
    }

    @Test
    void should_read_a_label_naming_no_account_as_the_account_its_bracket_names() {
        // 棚卸資産 (inventories) is no line of the chart; its bracket says which one: 医薬品. Read on that evidence,
        // not by its place alone, so a person is not asked to confirm it
        Sheet sheet = new Sheet().row("貸借対照表", null).row("流動資産", null).row("現金及び預金", 500L).row("医業未収金", 300L)
                .row("棚卸資産（医薬品）", 40L).row("診療材料", 20L).row("流動資産合計", 860L);

        StatementSpreader.Spread s = sheet.spread();

        StatementRow r = row(s, "棚卸資産（医薬品）");
        assertThat(r.mapping().account()).isEqualTo("medicines");
        assertThat(r.mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(r.mapping().reason().en()).contains("bracket");
    }

    @Test
    void should_keep_a_block_whose_heading_resembles_a_line_of_the_other_statement_as_a_block_of_its_own() {
        // in an income statement 薬品診療材料費 names no balance-sheet line: it heads a block closed by its own
        // total line, whose lines stay its parts although one of them is typed wrong (they miss the total by 5)
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", null).row("薬品診療材料費", null)
                .row("医薬品仕入高", 100L).row("診療材料仕入高", 60L).row("給食材料仕入高", 45L).row("薬品診療材料費計", 200L)
                .row("給与費", 500L).row("委託費", 50L).row("設備関係費", 100L).row("経費", 50L).row("医業費用合計", 900L)
                .row("医業利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "医薬品仕入高").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(row(s, "医薬品仕入高").mapping().account()).isEqualTo("material_costs");
    }

    @Test
    void should_split_a_run_of_unread_lines_by_indentation_lines_at_the_statements_level_one_place_each() {
        // four places between 医業外収益 and 税引前当期純利益: the indented lines under 医業外の支出 go together
        // (医業外費用 printed flat), the three lines back at the statement's level are one place each
        Sheet sheet = new Sheet().row("損益計算書", null, 0).row("医業利益", 100L, 0).row("医業外収益", 40L, 0)
                .row("医業外の支出", null, 0).row("有価証券売却損", 5L, 1).row("医業外貸倒損失", 7L, 1).row("雑損失", 8L, 1)
                .row("経常の増減差額", 120L, 0).row("臨時の収入", 30L, 0).row("臨時の支出", 10L, 0).row("税引前当期純利益", 140L, 0)
                .row("法人税等", 40L, 0).row("当期純利益", 100L, 0);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("non_operating_expenses", 20L),
                tuple("ordinary_profit", 120L), tuple("extraordinary_gains", 30L), tuple("extraordinary_losses", 10L));
    }

    @Test
    void should_end_a_detail_block_with_no_total_at_a_heading_after_its_lines_that_names_nothing_clearly() {
        // 医業外の支出 resembles 医業外収益 as much as 医業外費用, so it names neither: but a block of 医業外収益's
        // lines has no sub-headings, and no 医業外収益 total follows, so the lines under it are no longer its parts
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業利益", 100L).row("医業外収益", null).row("受取利息", 20L)
                .row("駐車場収入", 10L).row("医業外の支出", null).row("有価証券売却損", 5L).row("雑損失", 3L).row("経常利益", 122L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("non_operating_revenue", 30L),
                tuple("non_operating_expenses", 8L));
    }

    @Test
    void should_keep_sub_headings_inside_a_detail_block_whose_total_follows() {
        // 常勤職員 and 非常勤職員 head parts of 給与費, whose total line comes after them
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", null).row("材料費", 200L)
                .row("給与費", null).row("（常勤職員）", null).row("給料", 300L).row("賞与", 100L).row("（非常勤職員）", null)
                .row("賃金", 50L).row("給与費計", 450L).row("委託費", 50L).row("設備関係費", 100L).row("経費", 50L)
                .row("医業費用合計", 850L).row("医業利益", 150L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "賃金").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(row(s, "賃金").mapping().account()).isEqualTo("personnel_costs");
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("personnel_costs", 450L));
    }

    @Test
    void should_not_read_an_of_which_line_larger_than_the_line_above_as_its_memo_account() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("医業利益", 100L)
                .row("医業外収益", 50L).row("医業外費用", 30L).row("うち金融機関への利払い", 40L).row("経常利益", 120L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account).doesNotContain("interest_expense");
        assertThat(row(s, "うち金融機関への利払い").mapping().kind()).isEqualTo(RowMapping.Kind.UNMAPPED);
    }

    @Test
    void should_end_a_flat_detail_block_at_a_line_that_reads_as_the_enclosing_total_instead_of_summing_it_into_the_other_account() {
        // no indentation: only the wording says that 医業費用の総計額 is no part of the 経費 block
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", null).row("材料費", 300L)
                .row("給与費", 400L).row("委託費", 50L).row("設備関係費", 60L).row("経費", null).row("通信運搬費", 20L)
                .row("印刷製本費", 30L).row("医業費用の総計額", 860L).row("医業利益", 140L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("other_medical_expenses", 50L), tuple("medical_expenses", 860L))
                .doesNotContain(tuple("other_medical_expenses", 910L));
        assertThat(row(s, "医業費用の総計額").mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
    }

    @Test
    void should_end_a_flat_detail_block_at_a_later_line_of_the_statement() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("経常利益", 500L).row("特別損失", null).row("建物解体損", 30L)
                .row("災害損失", 20L).row("税引き前当期利益", 450L).row("法人税等負担額", 100L).row("当期純利益", 350L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("extraordinary_losses", 50L), tuple("income_taxes", 100L))
                .doesNotContain(tuple("extraordinary_losses", 600L));
        assertThat(row(s, "税引き前当期利益").mapping().kind()).isNotEqualTo(RowMapping.Kind.PART_OF);
    }

    @Test
    void should_place_lines_by_the_chart_order_when_a_wording_that_breaks_the_order_has_a_reading_that_fits_it() {
        // 課税前の当期純利益 reads best as 当期純利益, which the last line names exactly; its weaker reading
        // (税引前当期純利益) fits the order, so the three unknown lines above it get the places between
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("医業利益", 100L)
                .row("医業外収益", 50L).row("医業外費用", 30L).row("経常的な収支の差", 120L).row("臨時的な収入", 10L)
                .row("臨時的な支出", 20L).row("課税前の当期純利益", 110L).row("法人税住民税及び事業税", 30L).row("当期純利益", 80L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("ordinary_profit", 120L),
                tuple("extraordinary_gains", 10L), tuple("extraordinary_losses", 20L), tuple("pretax_profit", 110L),
                tuple("net_income", 80L));
        // a total its components add up to is determined by them (decision 026, 3); a line that only
        // fills the remainder of a sum stays its place, to be confirmed
        assertThat(row(s, "経常的な収支の差").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "臨時的な支出").mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_place_an_unknown_first_line_of_a_section_before_the_first_line_read_there_for_a_person_to_confirm() {
        // the total is misprinted: no sum can place the first line, its place in 流動資産 can
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("流動資産", null).row("手許有り高", 100L)
                .row("医業未収金", 200L).row("医薬品", 30L).row("流動資産合計", 999L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("cash_and_deposits", 100L));
        assertThat(row(s, "手許有り高").mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_place_an_unknown_line_before_a_detail_block_at_the_place_the_blocks_heading_gives() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("本業の損益", 100L)
                .row("医業外収益", null).row("受取配当金", 20L).row("雑益", 30L).row("医業外収益合計", 50L)
                .row("医業外費用", 30L).row("経常利益", 120L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("medical_profit", 100L));
        // 医業収益 − 医業費用 = 100: a total determined by its components (decision 026, 3)
        assertThat(row(s, "本業の損益").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_keep_a_weak_wording_confirmed_by_its_place_and_its_sums_as_evidence_not_as_a_place_alone() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", null).row("入院患者分収益", 700L).row("外来患者分収益", 250L)
                .row("その他の医業収益", 50L).row("医業収益合計", 1000L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("inpatient_revenue", 700L), tuple("outpatient_revenue", 250L));
        assertThat(row(s, "入院患者分収益").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "外来患者分収益").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_keep_a_weak_wording_its_place_between_two_read_lines_confirms_as_evidence_when_the_sums_hold() {
        Sheet sheet = new Sheet().row("貸借対照表", null).row("負債の部", null).row("固定負債", null).row("長期借入金", 1000L)
                .row("退職給付見積高", 200L).row("その他の固定負債", 50L).row("固定負債合計", 1250L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("retirement_benefit_provision", 200L));
        assertThat(row(s, "退職給付見積高").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "退職給付見積高").mapping().reason().en()).containsAnyOf("similar wording", StatementSpreader.DISTINCT_WORD_WHY);
    }

    @Test
    void should_take_a_faint_likeness_no_other_account_of_the_section_shares_as_wording_evidence_at_its_place() {
        // 病棟建設資金借入金 shares only 借入金 with 長期借入金 (and with 短期借入金, which a 固定負債 line cannot be)
        Sheet sheet = new Sheet().row("貸借対照表", null).row("負債の部", null).row("固定負債", null).row("病棟建設資金借入金", 1000L)
                .row("退職給付引当金", 200L).row("その他の固定負債", 50L).row("固定負債合計", 1250L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("long_term_borrowings", 1000L));
        assertThat(row(s, "病棟建設資金借入金").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "病棟建設資金借入金").mapping().reason().en()).containsAnyOf("similar wording", StatementSpreader.DISTINCT_WORD_WHY);
    }

    @Test
    void should_read_totals_worded_as_a_kind_of_asset_as_the_subtotals_their_sums_make_them_not_as_total_assets() {
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("流動資産", null).row("現金及び預金", 500L)
                .row("流動資産合計", 500L).row("固定資産", null).row("有形固定資産", null)
                .row("建物", 4350L).row("医療用器械備品", 355L).row("土地", 1917L).row("その他の有形固定資産", 238L)
                .row("有形資産合計", 6860L).row("無形資産合計", 87L).row("その他の資産", 436L).row("固定資産合計", 7383L).row("資産合計", 7883L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("tangible_fixed_assets", 6860L), tuple("intangible_fixed_assets", 87L));
        assertThat(row(s, "有形資産合計").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_not_be_sure_of_weak_wordings_read_against_the_chart_order_of_their_siblings() {
        // 入院医業収益 resembles その他医業収益 more than 入院診療収益 by bigrams, and その他の診療収益 resembles
        // 入院診療収益: the sums hold either way, the order says the two readings may be swapped
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", null).row("入院医業収益", 700L).row("外来医業収益", 200L)
                .row("その他の診療収益", 100L).row("医業収益合計", 1000L);

        StatementSpreader.Spread s = sheet.spread();

        for (String label : List.of("入院医業収益", "その他の診療収益")) {
            RowMapping m = row(s, label).mapping();
            boolean inOrder = label.startsWith("入院") ? "inpatient_revenue".equals(m.account()) : "other_medical_revenue".equals(m.account());
            assertThat(inOrder || m.confidence() < StatementSpreader.UNCERTAIN).as(label + " " + m).isTrue();
        }
    }

    @Test
    void should_read_a_total_worded_like_no_account_that_closes_the_assets_part_as_total_assets() {
        // 借方合計 resembles no account; no 買掛金 is printed, so the places between 固定資産合計 and 短期借入金
        // (資産合計, 買掛金) are more than the one line: only the heading after it says it closes 資産の部
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("流動資産", null).row("現金預金", 300L)
                .row("医業未収金", 200L).row("流動資産合計", 500L).row("固定資産", null).row("建物", 700L).row("固定資産合計", 700L)
                .row("借方合計", 1200L).row("負債の部", null).row("流動負債", null).row("短期借入金", 500L).row("その他の流動負債", 300L)
                .row("流動負債合計", 800L).row("負債合計", 800L).row("純資産の部", null).row("利益剰余金", 400L).row("純資産合計", 400L)
                .row("負債及び純資産合計", 1200L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("total_assets", 1200L));
        assertThat(row(s, "借方合計").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_fold_lines_printed_flat_where_one_account_is_missing_into_that_account_with_its_depreciation() {
        // no 設備関係費 line: its parts stand in its place between 委託費 and 経費, 減価償却費 among them
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 2000L).row("医業費用", null).row("材料費", 300L)
                .row("給与費", 600L).row("委託費", 100L).row("減価償却費", 50L).row("機器リース料", 20L).row("建物修理代", 10L)
                .row("経費", 120L).row("医業費用合計", 1200L).row("医業利益", 800L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("equipment_costs", 80L), tuple("depreciation", 50L), tuple("other_medical_expenses", 120L));
        Figure equipment = s.figures().stream().filter(f -> f.account().equals("equipment_costs")).findFirst().orElseThrow();
        assertThat(equipment.derivedFrom()).extracting(jp.shinsa.models.PrintedPart::label)
                .containsExactlyInAnyOrder("減価償却費", "機器リース料", "建物修理代");
        assertThat(equipment.confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "機器リース料").mapping().reason().ja()).contains("欠けている位置");
    }

    @Test
    void should_not_fold_lines_into_the_missing_account_when_their_sum_is_not_it() {
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 2000L).row("医業費用", null).row("材料費", 300L)
                .row("給与費", 600L).row("委託費", 100L).row("減価償却費", 50L).row("機器リース料", 20L).row("建物修理代", 10L)
                .row("経費", 120L).row("医業費用合計", 1500L).row("医業利益", 500L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).filteredOn(f -> f.account().equals("equipment_costs"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_take_a_heading_with_a_current_portion_qualifier_as_the_current_portions_detail_block_up_to_the_other_line() {
        // 1年以内償還予定企業債 resembles no line by its words, but its qualifier says current portion; its lines
        // (by lender) have no total, and 上記以外の流動負債 (the other current liabilities) ends them
        Sheet sheet = new Sheet().row("貸借対照表", null).row("負債の部", null).row("流動負債", null)
                .row("1年以内償還予定企業債", null).row("福祉医療機構", 90L).row("市中銀行", 60L)
                .row("上記以外の流動負債", 150L).row("流動負債合計", 300L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("current_portion_long_term_debt", 150L), tuple("other_current_liabilities", 150L));
        assertThat(row(s, "市中銀行").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
    }

    @Test
    void should_close_a_numbered_heading_nobody_listed_with_its_total_line_and_keep_the_memo_line_among_its_parts() {
        // Ⅴ 医業外支出 … 医業外支出計: the numbering is no part of the name; 支払利息 among the parts stays 支払利息
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("医業利益", 100L)
                .row("医業外収益", 50L).row("Ⅴ 医業外支出", null).row("1.支払利息", 20L).row("2.保証料", 7L).row("3.雑損失", 3L)
                .row("医業外支出計", 30L).row("経常利益", 120L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("interest_expense", 20L), tuple("non_operating_expenses", 30L));
        assertThat(row(s, "2.保証料").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(row(s, "2.保証料").mapping().reason().en()).contains("医業外支出計");
    }

    @Test
    void should_split_a_run_of_unread_lines_at_a_faint_wording_and_fold_the_lines_after_it_into_the_missing_other_line() {
        // 薬品貯蔵品 and 診療用材料品 stand at 医薬品's and 診療材料's places; the lines after them, up to 貸倒引当金,
        // are その他の流動資産 printed flat: more lines than places, the faint wording of one tells where they part
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("流動資産", null).row("現金及び預金", 700L)
                .row("医業未収金", 300L).row("薬品貯蔵品", 20L).row("診療用材料品", 15L).row("未収補助金", 4L).row("前払保険料", 3L)
                .row("職員立替金", 6L).row("貸倒引当金", -5L).row("流動資産合計", 1043L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("medicines", 20L), tuple("medical_supplies", 15L), tuple("other_current_assets", 13L));
    }

    @Test
    void should_take_a_heading_outside_every_section_that_comes_clearly_nearest_to_one_line_of_the_statement_as_its_block() {
        // Ⅳ 医業外収入 names no line outright, but of the income statement's lines only 医業外収益 is near it
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("医業利益", 100L)
                .row("Ⅳ 医業外収入", null).row("運営費交付金収益", 12L).row("宿舎使用料収益", 8L).row("医業外雑収益", 10L)
                .row("医業外費用", 30L).row("経常利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("non_operating_revenue", 30L));
        assertThat(row(s, "医業外雑収益").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
    }

    @Test
    void should_end_a_leaf_block_at_a_total_line_that_comes_as_near_to_another_account_as_to_the_blocks() {
        // 医業外支出合計 resembles 医業外費用 no more than 医業外収益 (both share 医業外), but a leaf's parts have no
        // totals of their own: it ends the 医業外収益 block and is read by its place and the arithmetic
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業収益", 1000L).row("医業費用", 900L).row("医業利益", 100L)
                .row("医業外収益", null).row("受取利息", 10L).row("運営費交付金収益", 20L).row("医業外支出合計", 30L)
                .row("経常利益", 100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("non_operating_revenue", 30L), tuple("non_operating_expenses", 30L));
    }

    /** A row for the search alone, with the readings given (fixed when there is one); all stand in one section. */
    private static StatementSpreader.Item item(int index, String label, long value, StatementSpreader.Option... options) {
        StatementRow r = new StatementRow("pl.xlsx", index, label, List.of("医業費用"), 0, java.util.Map.of(2024, value), null,
                jp.shinsa.models.SourceLocation.ofCell("pl.xlsx", "PL", "A" + index), RowMapping.unmapped(List.of(), new jp.shinsa.models.Text("", "")));
        return new StatementSpreader.Item(r, RowLabel.read(label), "medical_expenses", List.of("医業費用"),
                new java.util.ArrayList<>(List.of(options)), options.length == 1, false);
    }

    private static StatementSpreader.Option gap(String account) {
        return new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, account, 0.3, "fills a gap");
    }

    @Test
    void should_give_two_rows_only_the_sums_place_the_accounts_in_the_order_the_chart_prints_them() {
        // two lines whose wordings resemble nothing, where the section lacks 材料費 and 委託費: the sums hold
        // either way round, and a statement prints 材料費 before 委託費 (the readings come in the other order)
        StatementSpreader.Option none = new StatementSpreader.Option(RowMapping.Kind.UNMAPPED, null, 0, "none");
        List<StatementSpreader.Item> items = List.of(
                item(1, "購入品計", 300, gap("outsourcing_costs"), gap("material_costs"), none),
                item(2, "給与費", 600, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "personnel_costs", 0.97, "label")),
                item(3, "外部発注料", 100, gap("material_costs"), gap("outsourcing_costs"), none),
                item(4, "医業費用合計", 1000, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "medical_expenses", 0.97, "label")));

        StatementSpreader.Search search = new StatementSpreader.Search(items);
        search.run();

        assertThat(items.get(0).chosen().account()).isEqualTo("material_costs");
        assertThat(items.get(2).chosen().account()).isEqualTo("outsourcing_costs");
        assertThat(search.best.fails).isZero();
    }

    @Test
    void should_read_the_lines_of_a_section_at_once_when_each_resembles_one_account_most_and_one_alone_breaks_the_sum() {
        // all three resemble その他の医業収益 most; reading any one of them alone as a line breaks 医業収益's sum,
        // which leaving all three unread does not check. Read at once, each takes the best reading the others
        // leave, the line that loses most without its best first
        StatementSpreader.Option none = new StatementSpreader.Option(RowMapping.Kind.UNMAPPED, null, 0, "none");
        List<StatementSpreader.Item> items = List.of(
                item(1, "入院医業収益", 700, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "other_medical_revenue", 0.49, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "inpatient_revenue", 0.45, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "medical_revenue", 0.45, "similar wording"), gap("outpatient_revenue"), none),
                item(2, "外来医業収益", 200, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "other_medical_revenue", 0.49, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "medical_revenue", 0.45, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "outpatient_revenue", 0.45, "similar wording"), gap("inpatient_revenue"), none),
                item(3, "その他の診療収益", 100, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "other_medical_revenue", 0.55, StatementSpreader.DISTINCT_WORD_WHY),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "inpatient_revenue", 0.49, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "outpatient_revenue", 0.49, "similar wording"), none),
                item(4, "医業収益合計", 1000, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "medical_revenue", 0.97, "label")));

        StatementSpreader.Search search = new StatementSpreader.Search(items);
        search.run();

        assertThat(items.subList(0, 3)).extracting(it -> it.chosen().account())
                .containsExactly("inpatient_revenue", "outpatient_revenue", "other_medical_revenue");
        assertThat(search.best.fails).isZero();
    }

    @Test
    void should_swap_two_faint_wordings_read_against_the_chart_order_when_they_differ_by_less_than_a_tie() {
        // 入院医業収益 is a little nearer to その他医業収益, その他の診療収益 a little nearer to 入院診療収益: the sums hold
        // either way, and closeness that small does not outweigh the order a statement prints its lines in
        StatementSpreader.Option none = new StatementSpreader.Option(RowMapping.Kind.UNMAPPED, null, 0, "none");
        List<StatementSpreader.Item> items = List.of(
                item(1, "入院医業収益", 700, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "other_medical_revenue", 0.49, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "inpatient_revenue", 0.45, "similar wording"), none),
                item(2, "外来診療収益", 200, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "outpatient_revenue", 0.97, "label")),
                item(3, "その他の診療収益", 100, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "inpatient_revenue", 0.49, "similar wording"),
                        new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "other_medical_revenue", 0.45, "similar wording"), none),
                item(4, "医業収益合計", 1000, new StatementSpreader.Option(RowMapping.Kind.ACCOUNT, "medical_revenue", 0.97, "label")));

        StatementSpreader.Search search = new StatementSpreader.Search(items);
        search.run();

        assertThat(items.get(0).chosen().account()).isEqualTo("inpatient_revenue");
        assertThat(items.get(2).chosen().account()).isEqualTo("other_medical_revenue");
    }

    @Test
    void should_take_a_heading_that_comes_clearly_nearest_to_one_line_of_its_section_as_that_lines_detail_block() {
        // 職員人件費 names no account outright, but among 医業費用's lines only 給与費 (人件費) resembles it
        Sheet sheet = new Sheet().row("損益計算書", null).row("医業費用", null).row("材料費", 300L).row("職員人件費", null)
                .row("常勤医師俸給", 400L).row("看護師等手当", 250L).row("法定福利負担", 50L).row("委託費", 100L).row("医業費用合計", 1100L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.rows()).filteredOn(r -> r.label().equals("看護師等手当")).singleElement()
                .satisfies(r -> assertThat(r.mapping().account()).isEqualTo("personnel_costs"));
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("personnel_costs", 700L));
    }

    @Test
    void should_end_a_flat_detail_block_at_a_line_that_names_the_next_line_of_the_chart_under_the_same_total() {
        // 【1. 入院患者診療収益】 comes nearest to 入院診療収益 and heads its detail; (2) 外来診療収益 names the next line
        Sheet sheet = new Sheet().row("損益計算書", null).row("【医業収益】", null).row("【1. 入院患者診療収益】", null)
                .row("(1) DPC包括収益", 300L).row("出来高算定収益 ※3", 250L).row("3. 食事療養費収益", 150L).row("(2) 外来診療収益", 250L)
                .row("その他の医業収益 ※3", 50L).row("診療業務収益", 1000L).row("〔医業費用〕", null).row("給与費", 600L)
                .row("医業費用合計", 600L).row("医業利益", 400L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("inpatient_revenue", 700L), tuple("outpatient_revenue", 250L));
    }

    @Test
    void should_keep_a_small_line_of_a_flat_block_in_the_block_although_its_wording_contains_an_enclosing_totals_name() {
        Sheet sheet = new Sheet().row("貸借対照表", null).row("資産の部", null).row("固定資産", null).row("有形固定資産", null)
                .row("建物", 500L).row("土地", 300L).row("その他の有形固定資産", null).row("外構設備", 40L).row("割賦購入資産", 10L)
                .row("有形固定資産合計", 850L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "割賦購入資産").section()).contains("その他の有形固定資産");
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("other_tangible_assets", 50L));
    }

    @Test
    void should_not_end_a_flat_block_at_a_line_reading_as_a_total_further_up_than_the_blocks_own() {
        // 長期未払負債 contains the key of 負債合計, two totals above the block: 固定負債合計 would come first
        Sheet sheet = new Sheet().row("貸借対照表", null).row("負債の部", null).row("固定負債", null).row("長期借入金", 1000L)
                .row("その他の固定負債", null).row("預り保証金", 20L).row("長期未払負債", 60L).row("固定負債合計", 1080L);

        StatementSpreader.Spread s = sheet.spread();

        assertThat(row(s, "長期未払負債").section()).contains("その他の固定負債");
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("other_fixed_liabilities", 80L));
    }
}
