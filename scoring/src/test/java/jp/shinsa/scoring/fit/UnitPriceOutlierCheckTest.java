package jp.shinsa.scoring.fit;

import static jp.shinsa.scoring.fit.FitModelFixture.application;
import static jp.shinsa.scoring.fit.FitModelFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Severity;
import org.junit.jupiter.api.Test;

class UnitPriceOutlierCheckTest {
    private final UnitPriceOutlierCheck check = new UnitPriceOutlierCheck(FitModelFixture.model());

    /** The item name granted most often in the fixture's past grants (so it has comparables). */
    private static final String COMMON = FitModelFixture.grants().stream().filter(g -> g.decision().fitted()
                    && g.unitPrice() > 500_000)
            .collect(java.util.stream.Collectors.groupingBy(PastGrant::itemName, java.util.stream.Collectors.counting()))
            .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();

    private static long medianPaidFor(String name) {
        long[] p = FitModelFixture.grants().stream().filter(g -> g.itemName().equals(name) && g.decision().fitted())
                .mapToLong(PastGrant::unitPrice).sorted().toArray();
        return p[p.length / 2];
    }

    @Test
    void should_warn_when_a_unit_price_is_far_above_what_past_grants_paid() {
        long median = medianPaidFor(COMMON);
        var app = application("perinatal", List.of(item(1, "分娩監視装置", "CT-1", 1_000),
                item(2, COMMON, "IN-1", median * 4)));

        List<Finding> findings = check.check(app, Catalogs.program("perinatal").orElseThrow());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.UNIT_PRICE_OUTLIER);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.item()).isEqualTo(2);
            assertThat(f.documentType()).isEqualTo(DocumentType.APPLICATION_FORM);
            assertThat(f.file()).isEqualTo(FitModelFixture.FORM);
            assertThat(f.actual()).isEqualTo(median * 4);
            assertThat(f.message().ja()).contains("類似の過去交付").contains("中央値").contains("倍");
            assertThat(f.message().en()).contains("median").contains("similar past grants");
            assertThat(f.evidence()).isNotEmpty();
        });
    }

    @Test
    void should_stay_silent_for_ordinary_prices_and_for_items_without_comparable_grants() {
        long median = medianPaidFor(COMMON);
        var app = application("perinatal", List.of(item(1, COMMON, "IN-1", Math.round(median * 1.6)),
                item(2, "超伝導磁気共鳴画像診断装置", "MR-3T", 900_000_000)));

        assertThat(check.check(app, Catalogs.program("perinatal").orElseThrow())).isEmpty();
    }

    @Test
    void should_say_how_far_and_compared_with_what() {
        long median = medianPaidFor(COMMON);

        var c = check.compare(item(1, COMMON, "IN-1", median * 3)).orElseThrow();

        assertThat(c.ratio()).isBetween(2.5, 3.5);
        assertThat(c.comparables()).isGreaterThanOrEqualTo(5);
        assertThat(c.examples()).isNotEmpty();
    }
}
