package jp.shinsa.review.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.StatementRow;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.ConcurrentChangeException;
import jp.shinsa.review.audit.AuditEntry;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import jp.shinsa.review.support.Callers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An examiner maps a row the reader could not: the checks re-run on the re-derived figures, the
 * mapping and the audit entry are kept, a concurrent change is refused, later applications of the
 * same wording are read as taught, and a retired learned mapping no longer applies.
 */
@ReviewAppIntegrationTest
@WithMockUser(username = "examiner", roles = Roles.EXAMINER)
class RowMappingServiceIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A facility wording of this test's own (the browser test teaches {@link RowMappingFixture#WORDING}). */
    private static final String WORDING = "さくらポイント";

    @Autowired
    ApplicationReviewService reviews;
    @Autowired
    RowMappingService mappings;
    @Autowired
    LearnedMappingService learned;
    @Autowired
    AuditLog audit;
    @Autowired
    ObjectProvider<SecurityContextHolderStrategy> holder;

    @Test
    void should_rerun_the_checks_keep_the_mapping_and_teach_the_wording_until_an_admin_retires_it() throws Exception {
        ApplicationSummary first = RowMappingFixture.reviewed(reviews, "行の対応付け-1",
                RowMappingFixture.packageWithFacilityWording(0, WORDING));
        StatementRow row = facilityRow(first.id()).orElseThrow();
        assertThat(needsPerson(row)).as("the reader cannot map the wording by itself: %s", row.mapping()).isTrue();
        List<jp.shinsa.models.Figure> asRead = statementsFiguresAsRead(first.id());

        mappings.map("examiner", first.id(), first.version(), new RowMappingRequest(RowMappingFixture.STATEMENTS,
                row.index(), RowMapping.Kind.ACCOUNT, RowMappingFixture.ACCOUNT, "施設独自の科目名：その他の流動資産に当たる"));
        assertThat(jp.shinsa.review.support.Applications.reReviewed(reviews, first.id()).reviewPending())
                .as("the re-review job stored its result").isFalse();

        long value = RowMappingFixture.otherCurrentAssets(0);
        assertThat(statementsFigure(first.id())).as("the re-run review has the account's figure").isEqualTo(value);
        StatementRow mapped = facilityRow(first.id()).orElseThrow();
        assertThat(mapped.mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
        assertThat(mapped.mapping().account()).isEqualTo(RowMappingFixture.ACCOUNT);
        assertThat(mapped.mapping().taught()).isTrue();
        assertThat(findingsNaming(first.id(), WORDING)).isEmpty();
        // the reader may have placed the row itself (uncertain, by its place): the stored extraction is not rewritten
        assertThat(statementsFiguresAsRead(first.id())).as("the extraction stays as read").isEqualTo(asRead)
                .noneMatch(f -> f.account().equals(RowMappingFixture.ACCOUNT) && f.confidence() >= jp.shinsa.ingest.spread.StatementSpreader.UNCERTAIN);

        List<RowMappingEntry> kept = mappings.mappings(first.id());
        assertThat(kept).singleElement().satisfies(m -> {
            assertThat(m.fromKind()).isEqualTo(row.mapping().kind());
            assertThat(m.mappedBy()).isEqualTo("examiner");
            assertThat(m.supersedes()).isNull();
        });
        assertThat(audit.search("system", first.id(), "REREVIEWED", null, null, 10)).hasSize(1);
        List<AuditEntry> entries = audit.search(null, first.id(), "ROW_MAPPED", null, null, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            JsonNode d = JSON.readTree(e.detail());
            assertThat(d.path("file").asString()).isEqualTo(RowMappingFixture.STATEMENTS);
            assertThat(d.path("row").asInt()).isEqualTo(row.index());
            assertThat(d.path("label").asString()).isEqualTo(WORDING);
            assertThat(d.path("from").asString()).isEqualTo(row.mapping().account() == null ? row.mapping().kind().name()
                    : row.mapping().kind().name() + ":" + row.mapping().account());
            assertThat(d.path("to").asString()).isEqualTo("ACCOUNT:" + RowMappingFixture.ACCOUNT);
            assertThat(d.path("reason").asString()).contains("施設独自");
        });
        assertThat(audit.search(null, first.id(), "MAPPING_LEARNED", null, null, 10)).hasSize(1);

        // Someone else's change in between: the stale version is refused and nothing is kept.
        assertThatThrownBy(() -> mappings.map("examiner", first.id(), first.version(), new RowMappingRequest(
                RowMappingFixture.STATEMENTS, row.index(), RowMapping.Kind.IGNORED, null, "古い画面から")))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(mappings.mappings(first.id())).hasSize(1);
        assertThat(audit.search(null, first.id(), "ROW_MAPPED", null, null, 10)).hasSize(1);

        ApplicationSummary second = RowMappingFixture.reviewed(reviews, "行の対応付け-2",
                RowMappingFixture.packageWithFacilityWording(4, WORDING));
        StatementRow learnedRow = facilityRow(second.id()).orElseThrow();
        assertThat(learnedRow.mapping().kind()).as("read as taught, without help").isEqualTo(RowMapping.Kind.ACCOUNT);
        assertThat(learnedRow.mapping().taught()).isTrue();
        assertThat(statementsFigure(second.id())).isEqualTo(RowMappingFixture.otherCurrentAssets(4));
        assertThat(mappings.mappings(second.id())).isEmpty();

        LearnedWording taught = asAdmin(() -> learned.list()).stream()
                .filter(w -> w.label().equals(WORDING) && w.active()).findFirst().orElseThrow();
        assertThat(taught.applicationId()).isEqualTo(first.id());
        assertThat(taught.taughtBy()).isEqualTo("examiner");
        assertThat(taught.usedBy()).as("the second application's reading used it").isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> learned.list()).as("the list is the admin's")
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
        asAdmin(() -> {
            learned.retire("admin", taught.id(), "誤って学習した");
            return null;
        });
        assertThat(audit.search("admin", null, "LEARNED_MAPPING_RETIRED", null, null, 10))
                .anySatisfy(e -> assertThat(e.detail()).contains("誤って学習した"));

        ApplicationSummary third = RowMappingFixture.reviewed(reviews, "行の対応付け-3",
                RowMappingFixture.packageWithFacilityWording(8, WORDING));
        StatementRow third_ = facilityRow(third.id()).orElseThrow();
        assertThat(third_.mapping().taught()).as("a retired mapping no longer applies").isFalse();
        assertThat(needsPerson(third_)).as("the row needs a person again: %s", third_.mapping()).isTrue();

        // A later mapping of the same row supersedes the first; both stay.
        ApplicationSummary now = reviews.find(first.id()).orElseThrow();
        mappings.map("examiner", first.id(), now.version(), new RowMappingRequest(RowMappingFixture.STATEMENTS,
                row.index(), RowMapping.Kind.PART_OF, RowMappingFixture.ACCOUNT, "内訳の一部と判断し直した"));
        assertThat(mappings.mappings(first.id())).hasSize(2).last()
                .satisfies(m -> assertThat(m.supersedes()).isEqualTo(kept.get(0).id()));
    }

    private Optional<StatementRow> facilityRow(long id) {
        return mappings.rows(id).stream().filter(d -> d.file().equals(RowMappingFixture.STATEMENTS))
                .flatMap(d -> d.rows().stream()).filter(r -> r.label().equals(WORDING)).findFirst();
    }

    /** The review's other_current_assets figure of the 決算書, null when there is none. */
    private Long statementsFigure(long id) {
        JsonNode review = JSON.readTree(reviews.reviewJson(id).orElseThrow());
        for (JsonNode f : review.path("figures")) {
            if (f.path("file").asString().equals(RowMappingFixture.STATEMENTS)
                    && f.path("account").asString().equals(RowMappingFixture.ACCOUNT)) {
                return f.path("value").asLong();
            }
        }
        return null;
    }

    private List<jp.shinsa.models.Figure> statementsFiguresAsRead(long id) {
        return reviews.extraction(id).orElseThrow().documents().stream()
                .filter(d -> d.file().equals(RowMappingFixture.STATEMENTS)).findFirst().orElseThrow().figures();
    }

    private List<JsonNode> findingsNaming(long id, String text) {
        JsonNode review = JSON.readTree(reviews.reviewJson(id).orElseThrow());
        List<JsonNode> out = new java.util.ArrayList<>();
        review.path("findings").forEach(f -> {
            if (f.toString().contains(text)) {
                out.add(f);
            }
        });
        return out;
    }

    private <T> T asAdmin(Callers.Action<T> action) throws Exception {
        return Callers.as(holder, "admin", Roles.ADMIN, action);
    }

    /** Unmapped, or mapped on evidence too weak to stand alone (the reader's uncertain threshold). */
    private static boolean needsPerson(StatementRow row) {
        return row.mapping().kind() == RowMapping.Kind.UNMAPPED
                || row.mapping().confidence() < jp.shinsa.ingest.spread.StatementSpreader.UNCERTAIN;
    }
}
