package jp.shinsa.scoring.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class DemoPastApplicantsTest {

    private static List<CSVRecord> rows(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    private static long v(CSVRecord r, String c) {
        return Long.parseLong(r.get(c));
    }

    @Test
    void should_be_the_same_for_the_same_seed_and_differ_for_another() {
        assertThat(DemoPastApplicants.csv(50, 1)).isEqualTo(DemoPastApplicants.csv(50, 1))
                .isNotEqualTo(DemoPastApplicants.csv(50, 2));
    }

    @Test
    void should_keep_the_accounting_identities_and_a_plausible_distress_rate() throws Exception {
        List<CSVRecord> rows = rows(DemoPastApplicants.csv(2000, 3));
        assertThat(rows.get(0).toMap().keySet()).containsExactly(DemoPastApplicants.HEADER);
        long positives = 0;
        for (CSVRecord r : rows) {
            assertThat(v(r, "current_assets") + v(r, "fixed_assets")).isEqualTo(v(r, "total_assets"));
            assertThat(v(r, "total_liabilities") + v(r, "net_assets")).isEqualTo(v(r, "total_assets"));
            assertThat(v(r, "current_liabilities") + v(r, "fixed_liabilities")).isEqualTo(v(r, "total_liabilities"));
            assertThat(v(r, "medical_revenue") - v(r, "medical_expenses")).isEqualTo(v(r, "medical_profit"));
            assertThat(v(r, "cash_and_deposits")).isLessThanOrEqualTo(v(r, "current_assets"));
            assertThat(Integer.parseInt(r.get("beds"))).isBetween(50, 500);
            positives += v(r, DemoPastApplicants.LABEL);
        }
        assertThat(positives / 2000.0).isBetween(0.10, 0.18);
    }

    @Test
    void should_train_the_default_model_with_a_learnable_signal() {
        TrainingReport r = RiskModels.trainDefaultReport();

        assertThat(r.rows()).isEqualTo(RiskModels.DEFAULT_ROWS);
        assertThat(r.model().auc()).as("noisy labels cap it near 0.83").isBetween(0.75, 0.95);
        assertThat(RiskModels.load(r.trained().toBytes()).score(RiskApplicationFixture.distressed()).score())
                .isGreaterThan(RiskModels.load(r.trained().toBytes()).score(RiskApplicationFixture.healthy()).score());
    }
}
