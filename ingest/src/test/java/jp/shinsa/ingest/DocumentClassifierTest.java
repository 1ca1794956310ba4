package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jp.shinsa.models.DocumentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentClassifierTest {
    private final DocumentClassifier classifier = new DocumentClassifier();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "貸  借  対  照  表\\n令和7年3月31日現在\\n現金預金 1,000|FINANCIAL_STATEMENTS",
            "損 益 計 算 書\\n医業収益 100|FINANCIAL_STATEMENTS",
            "決算状況入力シート\\n法人名 X\\n令和4年度 令和5年度 令和6年度|INPUT_SHEET",
            "BS実績比較\\n科目 前年度 当年度 増減|BS_COMPARISON",
            "補助金交付申請書（所要額調書）\\n補助事業名 救急医療設備整備事業\\n見積書のとおり|APPLICATION_FORM",
            "御 見 積 書\\n下記のとおり御見積申し上げます\\n補助事業名の記載|QUOTE",
            "データキーパー\\n可搬型衛星通信装置\\n型式：SC-2080A\\n■ 主な特長|CATALOG",
            "議事録\\n出席者|OTHER",
            "科目 前年度 当年度 増減\\n資産の部\\n現金預金 1 2 1|BS_COMPARISON",
    })
    void should_classify_by_content(String text, DocumentType type) {
        assertThat(classifier.classify(text.replace("\\n", "\n"))).isEqualTo(type);
    }
}
