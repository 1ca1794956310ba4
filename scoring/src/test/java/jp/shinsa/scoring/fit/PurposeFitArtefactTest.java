package jp.shinsa.scoring.fit;

import static jp.shinsa.scoring.fit.FitModelFixture.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.shinsa.models.Catalogs;
import jp.shinsa.models.PurposeFitScore;
import org.junit.jupiter.api.Test;

class PurposeFitArtefactTest {
    @Test
    void should_round_trip_through_bytes_and_score_the_same() {
        PurposeFitArtefact original = FitModelFixture.artefact();

        PurposeFitArtefact loaded = PurposeFitArtefact.fromBytes(original.toBytes());

        assertThat(loaded).isEqualTo(original);
        var program = Catalogs.program("remote").orElseThrow();
        var i = item(1, "患者搬送車", "PV-100（四輪駆動）", 8_000_000);
        PurposeFitScore a = FitModelFixture.model().score(i, program, null, null);
        PurposeFitScore b = PurposeFitModel.load(loaded).score(i, program, null, null);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void should_record_version_training_data_hash_and_cross_validated_metrics() {
        PurposeFitArtefact a = FitModelFixture.artefact();

        assertThat(a.version()).matches("fit-\\d{8}-\\d{6}-[0-9a-f]{8}");
        assertThat(a.trainingSha256()).isEqualTo(PurposeFitTrainer.sha256(FitModelFixture.grants()));
        assertThat(a.version()).endsWith(a.trainingSha256().substring(0, 8));
        assertThat(a.trainingRows()).isEqualTo(FitModelFixture.grants().size());
        assertThat(a.algorithm()).contains("Logistic").contains("bge-small-zh");
        assertThat(a.metrics()).containsKeys("cvAucSeenTypes", "cvAucUnseenTypes", "cvHintAccuracy");
        assertThat(a.metrics().get("cvAucSeenTypes")).isGreaterThan(0.85);
    }

    @Test
    void should_refuse_bytes_that_are_not_an_artefact() {
        assertThatThrownBy(() -> PurposeFitArtefact.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
