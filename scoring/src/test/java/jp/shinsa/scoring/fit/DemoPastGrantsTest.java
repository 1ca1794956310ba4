package jp.shinsa.scoring.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.GrantDecision;
import jp.shinsa.models.PastGrant;
import org.junit.jupiter.api.Test;

class DemoPastGrantsTest {
    @Test
    void should_be_the_same_for_the_same_seed() {
        assertThat(DemoPastGrants.generate(11, 200)).isEqualTo(DemoPastGrants.generate(11, 200));
        assertThat(DemoPastGrants.generate(11, 200)).isNotEqualTo(DemoPastGrants.generate(12, 200));
    }

    @Test
    void should_cover_every_program_decision_and_rejection_reason() {
        List<PastGrant> grants = DemoPastGrants.standard();

        assertThat(grants).hasSize(DemoPastGrants.DEFAULT_SIZE);
        assertThat(grants.stream().map(PastGrant::program).collect(Collectors.toSet()))
                .isEqualTo(Catalogs.programs().keySet());
        assertThat(grants.stream().map(PastGrant::decision).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(GrantDecision.values());
        Set<String> reasons = grants.stream().map(PastGrant::reasonJa).collect(Collectors.toSet());
        assertThat(reasons).anyMatch(r -> r.contains("消耗品")).anyMatch(r -> r.contains("維持管理費"))
                .anyMatch(r -> r.contains("工事費")).anyMatch(r -> r.contains("汎用品"))
                .anyMatch(r -> r.contains("事業目的に合致しない")).anyMatch(r -> r.contains("車両"))
                .anyMatch(r -> r.contains("基準単価"));
        assertThat(grants).filteredOn(g -> g.reasonJa().contains("車両")).isNotEmpty()
                .noneMatch(g -> g.program().equals("remote"));
    }

    @Test
    void should_pass_the_importers_validation() {
        StringWriter w = new StringWriter();
        PastGrantCsv.write(DemoPastGrants.standard(), w);

        assertThat(new PastGrantCsv().read(new StringReader(w.toString())).badRows()).isEmpty();
    }
}
