package jp.shinsa.review.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.shinsa.models.DocumentType;
import jp.shinsa.models.RowMapping;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema's rules for row mappings and learned wordings, on the real PostgreSQL. Not in a test
 * transaction: a refused statement would abort it; each test uses wordings of its own instead.
 */
@ReviewAppIntegrationTest
class JdbcLearnedMappingRepositoryIT {
    @Autowired
    JdbcLearnedMappingRepository learned;
    @Autowired
    JdbcRowMappingRepository rows;
    @Autowired
    JdbcClient jdbc;

    private long application() {
        return jdbc.sql("INSERT INTO application (name, created_by) VALUES ('リポジトリ試験', 'examiner') RETURNING id")
                .query(Long.class).single();
    }

    private RowMappingEntry mapping(long app, Long supersedes, RowMapping.Kind kind, String account) {
        return new RowMappingEntry(0, app, "決算書.xlsx", 3, "ひまわりポイント", "ひまわりポイント",
                DocumentType.FINANCIAL_STATEMENTS, RowMapping.Kind.UNMAPPED, null, kind, account, "理由", "examiner",
                null, supersedes);
    }

    @Test
    void should_keep_both_mappings_of_a_row_the_later_superseding_and_refuse_to_change_them() {
        long app = application();
        long firstId = rows.insert(mapping(app, null, RowMapping.Kind.ACCOUNT, "other_current_assets"));
        long secondId = rows.insert(mapping(app, firstId, RowMapping.Kind.IGNORED, null));
        assertThat(rows.ofApplication(app)).extracting(RowMappingEntry::id).containsExactly(firstId, secondId);
        assertThat(rows.latest(app, "決算書.xlsx", 3)).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(RowMapping.Kind.IGNORED);
            assertThat(m.supersedes()).isEqualTo(firstId);
        });
        assertThatThrownBy(() -> jdbc.sql("UPDATE row_mapping SET reason = 'x' WHERE id = ?").param(firstId).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void should_keep_one_active_mapping_per_wording_and_allow_only_retiring_it_once() {
        long app = application();
        String key = "ひまわりポイント" + System.nanoTime();
        long rm = rows.insert(mapping(app, null, RowMapping.Kind.ACCOUNT, "other_current_assets"));
        long id = learned.insert(key, key, DocumentType.FINANCIAL_STATEMENTS,
                RowMapping.Kind.ACCOUNT, "other_current_assets", "examiner", app, rm);
        assertThat(learned.active(key, DocumentType.FINANCIAL_STATEMENTS)).isPresent();
        assertThat(learned.active(key, DocumentType.INPUT_SHEET)).isEmpty();
        assertThatThrownBy(() -> learned.insert(key, key, DocumentType.FINANCIAL_STATEMENTS,
                RowMapping.Kind.IGNORED, null, "examiner2", app, rm)).hasMessageContaining("learned_mapping_one_active_idx");
        assertThatThrownBy(() -> jdbc.sql("UPDATE learned_mapping SET account = 'cash_and_deposits' WHERE id = ?")
                .param(id).update()).hasMessageContaining("can only be retired");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM learned_mapping WHERE id = ?").param(id).update())
                .hasMessageContaining("retire");
        assertThat(learned.retire(id, "admin", "誤り")).isTrue();
        assertThat(learned.retire(id, "admin", "二度目")).isFalse();
        assertThat(learned.find(id)).hasValueSatisfying(w -> {
            assertThat(w.active()).isFalse();
            assertThat(w.retiredReason()).isEqualTo("誤り");
        });
        // retired, the wording may be taught again
        learned.insert(key, key, DocumentType.FINANCIAL_STATEMENTS, RowMapping.Kind.IGNORED,
                null, "examiner2", app, rm);
        assertThat(learned.active(key, DocumentType.FINANCIAL_STATEMENTS))
                .hasValueSatisfying(w -> assertThat(w.kind()).isEqualTo(RowMapping.Kind.IGNORED));
    }

    @Test
    void should_refuse_an_account_on_a_row_that_is_no_account_and_a_blank_retire_reason() {
        long app = application();
        long rm = rows.insert(mapping(app, null, RowMapping.Kind.ACCOUNT, "other_current_assets"));
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO learned_mapping (wording_key, label, document_type, kind, account, taught_by, application_id,
                                             row_mapping_id)
                VALUES ('x' || ?, 'x', 'INPUT_SHEET', 'IGNORED', 'cash_and_deposits', 'examiner', ?, ?)""")
                .params(System.nanoTime(), app, rm).update()).hasMessageContaining("learned_mapping_account_chk");
        long id = learned.insert("y" + System.nanoTime(), "y", DocumentType.INPUT_SHEET, RowMapping.Kind.ACCOUNT, "cash_and_deposits",
                "examiner", app, rm);
        assertThatThrownBy(() -> learned.retire(id, "admin", " ")).hasMessageContaining("learned_mapping_retired_chk");
    }
}
