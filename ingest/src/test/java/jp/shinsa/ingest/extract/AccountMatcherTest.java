package jp.shinsa.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountMatcherTest {
    private final AccountMatcher matcher = new AccountMatcher();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Ⅰ 流動資産合計, current_assets",
            "流動資産計, current_assets",
            "１．現金及び預金, cash_and_deposits",
            "現金預金, cash_and_deposits",
            "(1) 建物, buildings",
            "A. 土地, land",
            "医 業 未 収 金, medical_receivables",
            "医業未収入金, medical_receivables",
            "資産の部合計, total_assets",
            "負債の部合計, total_liabilities",
            "純資産の部合計, net_assets",
            "正味財産合計, net_assets",
            "総資本, total_liabilities_and_net_assets",
            "負債・純資産合計, total_liabilities_and_net_assets",
            "事業収益, medical_revenue",
            "医業収益合計, medical_revenue",
            "医業損益, medical_profit",
            "当期純損益, net_income",
            "当期純利益（△損失）, net_income",
            "税引前当期純損益, pretax_profit",
            "うち減価償却費, depreciation",
            "（うち支払利息）, interest_expense",
            "1年以内返済予定の長期借入金, current_portion_long_term_debt",
            "その他有形固定資産, other_tangible_assets",
            "Ⅳ 医業外費用合計, non_operating_expenses",
            "法人税、住民税及び事業税, income_taxes",
    })
    void should_map_label_variants_to_their_account(String label, String account) {
        assertThat(matcher.match(label)).get().extracting(AccountMatcher.Match::account).isEqualTo(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {"前払費用", "合計", "科目", "医療法人社団テスト会", "資産の部負債の部"})
    void should_leave_labels_of_no_account_unmapped(String label) {
        assertThat(matcher.match(label)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"短期借入金, short_term_borrowings", "長期借入金, long_term_borrowings", "医業外収益, non_operating_revenue",
            "医業収益, medical_revenue", "その他の流動負債, other_current_liabilities", "その他の流動資産, other_current_assets"})
    void should_not_confuse_near_identical_labels(String label, String account) {
        assertThat(matcher.match(label)).get().extracting(AccountMatcher.Match::account).isEqualTo(account);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"医療用器械備品等, medical_equipment", "退職給付引当金計上額, retirement_benefit_provision"})
    void should_match_an_unlisted_variant_by_similarity(String label, String account) {
        assertThat(matcher.match(label)).get().satisfies(m -> {
            assertThat(m.account()).isEqualTo(account);
            assertThat(m.exact()).isFalse();
            assertThat(m.similarity()).isBetween(AccountMatcher.THRESHOLD, 1.0);
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"長期借り入れ金, long_term_borrowings", "退職給付引き当て金, retirement_benefit_provision",
            "貸倒れ引当金, allowance_doubtful"})
    void should_match_a_name_written_with_okurigana_as_the_name_written_without(String label, String account) {
        assertThat(matcher.match(label)).get().satisfies(m -> {
            assertThat(m.account()).isEqualTo(account);
            assertThat(m.exact()).isTrue();
        });
    }

    @Test
    void should_keep_particles_between_kanji_as_part_of_the_name() {
        assertThat(AccountMatcher.key("医業未収金に係る貸倒見積高")).contains("に係");
        assertThat(AccountMatcher.key("借り入れ金")).isEqualTo("借入金");
    }

    @Test
    void should_find_the_one_line_of_a_section_a_word_of_the_label_tells_apart() {
        var lines = java.util.List.of("inpatient_revenue", "outpatient_revenue", "other_medical_revenue");
        assertThat(matcher.distinctive("病棟部門の入院収益", lines)).contains("inpatient_revenue");
        assertThat(matcher.distinctive("外来", "附属施設収益外来", lines)).contains("outpatient_revenue");
        // two words pointing to two lines, or none, tell nothing
        assertThat(matcher.distinctive("入院外来収益", lines)).isEmpty();
        assertThat(matcher.distinctive("附属施設収益", lines)).isEmpty();
    }

    @Test
    void should_find_the_one_line_whose_name_a_short_form_abbreviates() {
        var fixed = java.util.List.of("long_term_borrowings", "retirement_benefit_provision", "other_fixed_liabilities");
        assertThat(matcher.abbreviated("長借", fixed)).contains("long_term_borrowings");
        assertThat(matcher.abbreviated("退引", fixed)).contains("retirement_benefit_provision");
        // a part of the name written out is a likeness, not an abbreviation; nor a form that starts elsewhere
        assertThat(matcher.abbreviated("借入金", fixed)).isEmpty();
        assertThat(matcher.abbreviated("期借", fixed)).isEmpty();
    }

    // Found by ./shinsa fuzz: a 1 MB CSV cell was scored against every account, bigram by bigram, for minutes.
    // The bound is a hang guard with a wide margin, not a speed target (a loaded machine must not fail it).
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void should_give_up_quickly_on_a_label_far_longer_than_any_account() {
        String huge = "資産合計" + "9".repeat(1_000_000);
        assertThat(matcher.match(huge)).isEmpty();
        assertThat(matcher.matchOcr(huge)).isEmpty();
        assertThat(matcher.match("(1)".repeat(100_000) + "資産合計")).isEmpty();
    }

    @Test
    void should_still_match_a_label_with_leader_dots() {
        assertThat(matcher.match("現金預金" + "・".repeat(60))).get().extracting(AccountMatcher.Match::account).isEqualTo("cash_and_deposits");
    }

    @Test
    void should_read_a_modifier_before_a_totals_name_as_a_part_of_that_total_not_the_total_itself() {
        // 有形資産 is a kind of 資産: containing 資産 says less than it would for 資産総額
        var narrower = new AccountMatcher().candidates("有形資産合計", 0.1, 12);
        var same = new AccountMatcher().candidates("資産総額", 0.1, 12);
        double total = narrower.stream().filter(c -> c.account().equals("total_assets")).findFirst().orElseThrow().score();
        double tangible = narrower.stream().filter(c -> c.account().equals("tangible_fixed_assets")).findFirst().orElseThrow().score();
        assertThat(total).isLessThan(0.75);
        assertThat(tangible).isGreaterThanOrEqualTo(total);
        assertThat(same.get(0).account()).isEqualTo("total_assets");
        assertThat(same.get(0).score()).isGreaterThanOrEqualTo(0.75);
    }
}
