package jp.shinsa.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "1,234,567|1234567", "１，２３４|1234", "△5,714,487|-5714487", "▲12|-12", "(3,000)|-3000", "（３，０００）|-3000",
            "-42|-42", "￥19,176,000－|19176000", "10,826,000円|10826000", "0|0", "△ 1,000|-1000"})
    void should_parse_printed_amounts(String printed, long value) {
        assertThat(Amounts.parse(printed)).hasValue(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"現金預金", "1/2", "令和6年度", "12,34", "(1", "MX-520", "1.5", ""})
    void should_reject_what_is_not_an_amount(String text) {
        assertThat(Amounts.parse(text)).isEmpty();
    }
}
