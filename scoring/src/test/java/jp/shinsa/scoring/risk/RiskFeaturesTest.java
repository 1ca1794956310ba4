package jp.shinsa.scoring.risk;

import static jp.shinsa.scoring.risk.RiskApplicationFixture.INPUT_SHEET;
import static jp.shinsa.scoring.risk.RiskApplicationFixture.STATEMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.models.ExtractedApplication;
import org.junit.jupiter.api.Test;

class RiskFeaturesTest {

    private static Map<String, Long> accounts() {
        Map<String, Long> m = new HashMap<>();
        m.put("medical_revenue", 1_000L);
        m.put("medical_expenses", 980L);
        m.put("medical_profit", 20L);
        m.put("ordinary_profit", 30L);
        m.put("net_income", -10L);
        m.put("depreciation", 50L);
        m.put("current_assets", 400L);
        m.put("fixed_assets", 600L);
        m.put("total_assets", 1_000L);
        m.put("current_liabilities", 200L);
        m.put("fixed_liabilities", 500L);
        m.put("total_liabilities", 700L);
        m.put("net_assets", 300L);
        m.put("short_term_borrowings", 100L);
        m.put("long_term_borrowings", 400L);
        m.put("cash_and_deposits", 180L);
        m.put("interest_expense", 5L);
        return m;
    }

    @Test
    void should_compute_the_examiner_ratios_from_one_year_of_accounts() {
        RiskFeatures f = RiskFeatures.ofAccounts(accounts(), 2024, "row 1");

        assertThat(f.fiscalYear()).isEqualTo(2024);
        assertThat(f.value(RiskFeature.EQUITY_RATIO)).isCloseTo(0.30, within(1e-12));
        assertThat(f.value(RiskFeature.CURRENT_RATIO)).isCloseTo(2.0, within(1e-12));
        assertThat(f.value(RiskFeature.BORROWINGS_TO_REVENUE)).isCloseTo(0.50, within(1e-12));
        // (500 − 180) / (30 + 50) = 4 years
        assertThat(f.value(RiskFeature.DEBT_REDEMPTION_YEARS)).isCloseTo(4.0, within(1e-12));
        assertThat(f.value(RiskFeature.MEDICAL_PROFIT_MARGIN)).isCloseTo(0.02, within(1e-12));
        assertThat(f.value(RiskFeature.ORDINARY_PROFIT_MARGIN)).isCloseTo(0.03, within(1e-12));
        assertThat(f.value(RiskFeature.NET_PROFIT_MARGIN)).isCloseTo(-0.01, within(1e-12));
        assertThat(f.value(RiskFeature.INTEREST_BURDEN)).isCloseTo(0.005, within(1e-12));
        assertThat(f.value(RiskFeature.LOSS_YEARS)).isEqualTo(1.0);
        assertThat(f.value(RiskFeature.NEGATIVE_NET_ASSETS)).isEqualTo(0.0);
        assertThat(f.value(RiskFeature.REVENUE_GROWTH)).as("one year gives no growth").isNull();
        assertThat(f.source(RiskFeature.EQUITY_RATIO)).isEqualTo("row 1");
    }

    @Test
    void should_keep_missing_inputs_missing_instead_of_zero() {
        Map<String, Long> m = accounts();
        m.remove("current_liabilities");
        m.remove("interest_expense");
        RiskFeatures f = RiskFeatures.ofAccounts(m, 2024, "row 1");

        assertThat(f.value(RiskFeature.CURRENT_RATIO)).isNull();
        assertThat(f.source(RiskFeature.CURRENT_RATIO)).isNull();
        assertThat(f.value(RiskFeature.INTEREST_BURDEN)).isNull();
        assertThat(f.vector(List.of("current_ratio", "equity_ratio"))[0]).isNaN();
        assertThat(f.vector(List.of("current_ratio", "equity_ratio"))[1]).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void should_give_zero_redemption_years_when_cash_covers_debt_and_the_cap_when_nothing_repays() {
        Map<String, Long> rich = accounts();
        rich.put("cash_and_deposits", 900L);
        assertThat(RiskFeatures.ofAccounts(rich, 2024, "r").value(RiskFeature.DEBT_REDEMPTION_YEARS)).isZero();

        Map<String, Long> losing = accounts();
        losing.put("ordinary_profit", -80L);
        assertThat(RiskFeatures.ofAccounts(losing, 2024, "r").value(RiskFeature.DEBT_REDEMPTION_YEARS))
                .isEqualTo(RiskFeature.MAX_REDEMPTION_YEARS);
    }

    @Test
    void should_flag_negative_net_assets() {
        Map<String, Long> m = accounts();
        m.put("net_assets", -50L);
        RiskFeatures f = RiskFeatures.ofAccounts(m, 2024, "r");
        assertThat(f.value(RiskFeature.NEGATIVE_NET_ASSETS)).isEqualTo(1.0);
        assertThat(f.value(RiskFeature.EQUITY_RATIO)).isCloseTo(-0.05, within(1e-12));
    }

    @Test
    void should_prefer_the_statements_and_use_the_input_sheet_for_earlier_years() {
        Map<String, Long> sheet2024 = accounts();
        sheet2024.put("net_assets", 250L); // a typo in the input sheet: the statements win
        Map<String, Long> sheet2023 = accounts();
        sheet2023.put("medical_revenue", 800L);
        sheet2023.put("net_income", -5L);
        Map<String, Long> sheet2022 = accounts();
        ExtractedApplication app = RiskApplicationFixture.application("a",
                Map.of(2022, sheet2022, 2023, sheet2023, 2024, sheet2024), accounts());

        RiskFeatures f = RiskFeatures.of(app);

        assertThat(f.fiscalYear()).isEqualTo(2024);
        assertThat(f.value(RiskFeature.EQUITY_RATIO)).isCloseTo(0.30, within(1e-12));
        assertThat(f.source(RiskFeature.EQUITY_RATIO)).isEqualTo(STATEMENTS + " FY2024");
        assertThat(f.value(RiskFeature.REVENUE_GROWTH)).isCloseTo(0.25, within(1e-12));
        assertThat(f.source(RiskFeature.REVENUE_GROWTH)).contains(STATEMENTS + " FY2024", INPUT_SHEET + " FY2023");
        assertThat(f.value(RiskFeature.LOSS_YEARS)).as("net losses in 2022, 2023 and 2024").isEqualTo(3.0);
    }

    @Test
    void should_have_no_values_for_an_application_without_figures() {
        RiskFeatures f = RiskFeatures.of(new ExtractedApplication("empty", List.of()));
        assertThat(f.fiscalYear()).isZero();
        assertThat(f.values().values()).allSatisfy(v -> assertThat(v.value()).isNull());
    }
}
