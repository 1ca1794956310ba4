package jp.shinsa.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogsTest {

    @Test
    void should_load_every_account_with_its_parent_and_sign() {
        assertThat(Catalogs.accounts()).hasSize(51);
        Account expenses = Catalogs.account("medical_expenses").orElseThrow();
        assertThat(expenses.parent()).isEqualTo("medical_profit");
        assertThat(expenses.sign()).isEqualTo(-1);
        assertThat(Catalogs.account("total_assets").orElseThrow().parent()).isNull();
        assertThat(Catalogs.childrenOf("current_assets")).extracting(Account::code)
                .containsExactly("cash_and_deposits", "medical_receivables", "medicines", "medical_supplies",
                        "other_current_assets", "allowance_doubtful");
    }

    @Test
    void should_load_programs_with_commas_in_the_english_purpose() {
        Program emergency = Catalogs.program("emergency").orElseThrow();
        assertThat(emergency.rate()).isEqualTo("1/2");
        assertThat(emergency.capYen()).isEqualTo(30_000_000L);
        assertThat(emergency.purposeEn()).contains("diagnosis, treatment, resuscitation");
        assertThat(Catalogs.program("remote").orElseThrow().rate()).isEqualTo("2/3");
    }

    @Test
    void should_compute_subsidy_rounded_down_to_the_thousand_within_the_cap() {
        Program remote = Catalogs.program("remote").orElseThrow();
        assertThat(remote.subsidyFor(1_000_000)).isEqualTo(666_000);
        assertThat(remote.subsidyFor(50_000_000)).isEqualTo(13_333_000);
    }

    @Test
    void should_refuse_a_risk_score_outside_its_range() {
        assertThatThrownBy(() -> new RiskScore(101, RiskBand.HIGH, "v1", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
