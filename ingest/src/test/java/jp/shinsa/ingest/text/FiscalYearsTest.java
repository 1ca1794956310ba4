package jp.shinsa.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalYearsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"令和6年度, 2024", "令和7年3月31日, 2024", "令和6年4月1日, 2024", "平成31年3月31日, 2018", "平成30年度, 2018",
            "令和元年度, 2019", "前年度（令和6年3月31日）, 2023", "2024年度, 2024", "2025年3月31日, 2024", "R6年度, 2024", "2025/3/31, 2024", "2024/04/01, 2024",
            "R7.3.31, 2024", "H31/3/31, 2018", "令和6.4.1, 2024"})
    void should_name_the_fiscal_year_by_the_calendar_year_it_starts(String text, int year) {
        assertThat(FiscalYears.of(text)).hasValue(year);
    }

    @Test
    void should_take_a_balance_sheet_date_as_the_year_it_closes() {
        assertThat(FiscalYears.ofDocument("貸 借 対 照 表\n令和7年3月31日現在\n医療法人")).hasValue(2024);
        assertThat(FiscalYears.ofDocument("損益計算書\n自 令和6年4月1日 至 令和7年3月31日")).hasValue(2024);
        assertThat(FiscalYears.ofDocument("令和5年度 決算書")).hasValue(2023);
    }

    @Test
    void should_take_the_closing_date_of_a_statement_that_names_its_period_number() {
        assertThat(FiscalYears.ofDocument("貸借対照表\n第45期　決算日 令和7年3月31日\n医療法人")).hasValue(2024);
    }
}
