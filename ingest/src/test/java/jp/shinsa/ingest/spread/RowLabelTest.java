package jp.shinsa.ingest.spread;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Qualifiers change what a row is; they are read, not stripped. */
class RowLabelTest {

    @Test
    void should_read_a_within_one_year_qualifier() {
        RowLabel l = RowLabel.read("長期借入金（1年以内返済分）");
        assertThat(l.base()).isEqualTo("長期借入金");
        assertThat(l.currentPortion()).isTrue();
        assertThat(l.qualified()).isTrue();
    }

    @Test
    void should_read_a_qualifier_that_leaves_the_current_portion_out_as_the_part_due_after_one_year() {
        RowLabel l = RowLabel.read("長期借入金（1年以内返済予定額を除く）");
        assertThat(l.base()).isEqualTo("長期借入金");
        assertThat(l.currentPortion()).isFalse();
        assertThat(l.longPortion()).isTrue();
        assertThat(RowLabel.read("長期借入金（1年超を除く）").currentPortion()).isTrue();
        // something else left out is a note on scope, not a portion
        RowLabel lease = RowLabel.read("長期借入金（リース債務を除く）");
        assertThat(lease.currentPortion() || lease.longPortion()).isFalse();
        assertThat(lease.otherQualifier()).isNotNull();
    }

    @Test
    void should_read_deductions_written_as_a_qualifier_or_a_leading_triangle() {
        assertThat(RowLabel.read("貸倒引当金（控除）").contra()).isTrue();
        assertThat(RowLabel.read("△貸倒引当金").contra()).isTrue();
        assertThat(RowLabel.read("▲貸倒引当金").base()).isEqualTo("貸倒引当金");
    }

    @Test
    void should_read_of_which_lines_but_not_words_that_begin_with_the_same_character() {
        assertThat(RowLabel.read("（うち減価償却費）").memo()).isTrue();
        assertThat(RowLabel.read("内 支払利息").memo()).isTrue();
        assertThat(RowLabel.read("（内支払利息）").base()).isEqualTo("支払利息");
        assertThat(RowLabel.read("内視鏡").memo()).isFalse();
    }

    @Test
    void should_treat_a_sign_note_as_saying_nothing_about_the_account() {
        RowLabel l = RowLabel.read("医業利益（△損失）");
        assertThat(l.base()).isEqualTo("医業利益");
        assertThat(l.qualified()).isFalse();
        assertThat(RowLabel.read("経常利益（又は経常損失）").qualified()).isFalse();
    }

    @Test
    void should_keep_an_unknown_qualifier_as_evidence_against_an_exact_match() {
        RowLabel l = RowLabel.read("建物（附属設備を含む）");
        assertThat(l.base()).isEqualTo("建物");
        assertThat(l.otherQualifier()).isEqualTo("附属設備を含む");
    }

    @Test
    void should_read_totals() {
        assertThat(RowLabel.read("材料費計").total()).isTrue();
        assertThat(RowLabel.read("流動資産の部合計").total()).isTrue();
        assertThat(RowLabel.read("材料費").total()).isFalse();
    }

    @Test
    void should_read_an_other_scoped_by_a_bracket_as_the_other_items_of_what_the_bracket_names() {
        assertThat(RowLabel.read("その他（流動資産）").base()).isEqualTo("その他の流動資産");
        assertThat(RowLabel.read("その他（流動資産）").qualified()).isFalse();
        assertThat(RowLabel.read("その他(固定負債)計").base()).isEqualTo("その他の固定負債計");
        assertThat(RowLabel.read("その他(固定負債)計").total()).isTrue();
        // a bracket after a named line is still a note on it
        assertThat(RowLabel.read("未払金（その他）").base()).isEqualTo("未払金");
        assertThat(RowLabel.scoped("器械備品（その他）")).isEqualTo("器械備品（その他）");
    }

    @Test
    void should_read_other_than_the_above_as_the_other_items_of_what_follows_but_not_a_named_exclusion() {
        assertThat(RowLabel.read("上記以外の流動負債").base()).isEqualTo("その他の流動負債");
        assertThat(RowLabel.read("前記以外の有形固定資産計").base()).isEqualTo("その他の有形固定資産計");
        assertThat(RowLabel.read("以外の固定負債").base()).isEqualTo("その他の固定負債");
        // what it leaves out is named: not the chart's その他 line
        assertThat(RowLabel.read("建物以外の有形固定資産").base()).isEqualTo("建物以外の有形固定資産");
    }

    @Test
    void should_read_other_than_the_above_said_after_what_they_are_of_as_its_other_items() {
        assertThat(RowLabel.read("固定負債のうち上記以外").base()).isEqualTo("その他の固定負債");
        assertThat(RowLabel.read("無形固定資産（前記以外）").base()).isEqualTo("その他の無形固定資産");
        assertThat(RowLabel.read("流動資産 上記以外のもの").base()).isEqualTo("その他の流動資産");
        // what it leaves out is named, or nothing points to the lines above: kept as it is
        assertThat(RowLabel.read("流動負債のうち未払金以外").base()).isEqualTo("流動負債のうち未払金以外");
        assertThat(RowLabel.read("上記以外").base()).isEqualTo("上記以外");
    }

    @Test
    void should_read_a_loss_written_as_the_alternative_of_a_profit_as_the_profit_line() {
        assertThat(RowLabel.read("事業利益又は事業損失（△）").base()).isEqualTo("事業利益");
        assertThat(RowLabel.read("事業利益又は事業損失（△）").contra()).isFalse();
        assertThat(RowLabel.read("当期純利益または当期純損失").base()).isEqualTo("当期純利益");
        // not an alternative of a profit: kept whole
        assertThat(RowLabel.read("固定資産売却損益").base()).isEqualTo("固定資産売却損益");
        assertThat(RowLabel.read("災害による損失").base()).isEqualTo("災害による損失");
    }

    @Test
    void should_read_an_english_name_beside_the_japanese_one_as_a_translation() {
        assertThat(RowLabel.read("Total liabilities（負債合計）").base()).isEqualTo("負債合計");
        assertThat(RowLabel.read("当期純利益／Net income").base()).isEqualTo("当期純利益");
        assertThat(RowLabel.read("Current assets 流動資産計").base()).isEqualTo("流動資産計");
        // short Latin letters are part of the name (ＣＴ装置), and a label without Japanese stays as it is
        assertThat(RowLabel.read("ＣＴ装置").base()).isEqualTo("CT装置");
        assertThat(RowLabel.read("Net income").base()).isEqualTo("Net income");
    }

    @Test
    void should_read_a_total_word_written_first_as_the_total_of_what_follows_it() {
        assertThat(RowLabel.read("計（無形固定資産）").base()).isEqualTo("無形固定資産計");
        assertThat(RowLabel.read("合計〔負債の部〕").base()).isEqualTo("負債の部合計");
        assertThat(RowLabel.read("小計　固定負債").base()).isEqualTo("固定負債合計");
        assertThat(RowLabel.read("計（無形固定資産）").total()).isTrue();
    }

    @Test
    void should_read_a_path_label_as_its_line_under_the_section_it_names() {
        assertThat(RowLabel.read("固定資産／有形固定資産／建物").base()).isEqualTo("建物");
        assertThat(RowLabel.read("流動負債／未払金").base()).isEqualTo("未払金");
        assertThat(RowLabel.read("固定資産／その他").base()).isEqualTo("その他の固定資産");
        // not two lines named together, nor a sign written after a profit
        assertThat(RowLabel.read("未払金／未払費用").base()).isEqualTo("未払金/未払費用");
        assertThat(RowLabel.read("医業利益／医業損失").base()).isEqualTo("医業利益");
    }

    @Test
    void should_read_difference_said_before_a_line_as_part_of_how_it_is_written() {
        assertThat(RowLabel.read("差引　当期純利益").base()).isEqualTo("当期純利益");
        assertThat(RowLabel.read("差引").base()).isEqualTo("差引");
    }

    @Test
    void should_read_any_kind_of_bracket_after_the_name_as_a_qualifier() {
        assertThat(RowLabel.read("未払金《設備関係》").base()).isEqualTo("未払金");
        assertThat(RowLabel.read("未払金≪設備関係≫").otherQualifier()).isEqualTo("設備関係");
        assertThat(RowLabel.read("未払金＜設備関係＞").base()).isEqualTo("未払金");
    }
}
