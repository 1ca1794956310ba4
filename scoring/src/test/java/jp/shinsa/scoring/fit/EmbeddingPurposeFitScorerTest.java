package jp.shinsa.scoring.fit;

import static jp.shinsa.scoring.fit.FitModelFixture.application;
import static jp.shinsa.scoring.fit.FitModelFixture.catalogue;
import static jp.shinsa.scoring.fit.FitModelFixture.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;
import org.junit.jupiter.api.Test;

class EmbeddingPurposeFitScorerTest {
    private final EmbeddingPurposeFitScorer scorer = new EmbeddingPurposeFitScorer(FitModelFixture.model());

    private PurposeFitScore score(String program, String name, String spec) {
        return scorer.score(application(program, List.of(item(1, name, spec, 1_000_000))), program(program)).get(0);
    }

    private static Program program(String code) {
        return Catalogs.program(code).orElseThrow();
    }

    @Test
    void should_fit_the_same_item_to_one_program_and_not_another() {
        PurposeFitScore infection = score("infection", "全自動PCR検査装置", "PR-900（4チャネル）");
        PurposeFitScore cyber = score("cyber", "全自動PCR検査装置", "PR-900（4チャネル）");

        assertThat(infection.hint()).isEqualTo(FitHint.FIT);
        assertThat(cyber.hint()).isEqualTo(FitHint.UNFIT);
        assertThat(infection.purposeFit()).isGreaterThan(cyber.purposeFit() + 40);
    }

    @Test
    void should_fit_a_vehicle_only_to_the_remote_care_program() {
        assertThat(score("remote", "巡回診療車", "MC-500（診察室架装）").hint()).isEqualTo(FitHint.FIT);
        assertThat(score("emergency", "送迎用マイクロバス", "MB-900").hint()).isEqualTo(FitHint.UNFIT);
    }

    @Test
    void should_not_fit_consumables_or_upkeep_in_any_program() {
        for (String code : Catalogs.programs().keySet()) {
            assertThat(score(code, "感染対策消耗品（手袋・マスク）", "GM-10").hint()).as(code).isEqualTo(FitHint.UNFIT);
            assertThat(score(code, "電子カルテ保守費用", "EM-1（1年）").hint()).as(code).isEqualTo(FitHint.UNFIT);
        }
    }

    @Test
    void should_give_reasons_similar_decisions_and_the_model_version() {
        PurposeFitScore s = score("perinatal", "新生児光線治療器", "PH-500（LED式）");

        assertThat(s.modelVersion()).isEqualTo(scorer.version()).startsWith("fit-");
        assertThat(s.reasons()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(r -> {
            assertThat(r.ja()).isNotBlank();
            assertThat(r.en()).isNotBlank();
        });
        assertThat(s.reasons()).anyMatch(r -> r.ja().contains("本事業の類似過去案件"))
                .anyMatch(r -> r.ja().contains("事業目的「"));
        assertThat(s.similarPastGrants()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.similarity()).isBetween(0.0, 1.0);
            assertThat(g.decision()).isIn("AWARDED", "REDUCED", "REJECTED");
        });
        assertThat(s.similarPastGrants().get(0).itemName()).contains("光線治療器");
    }

    @Test
    void should_cite_the_catalogue_that_names_the_item() {
        var app = application("infection", List.of(item(1, "PCR検査装置", "PR-4321（迅速モード）", 6_000_000)),
                catalogue("資料A.pdf", "製品カタログ\nPR-4321\n主な特長\n・最短20分で結果を判定します。\n・陰圧環境での検体処理に対応。"),
                catalogue("資料B.pdf", "分娩台 DT-100\n主な特長\n・電動昇降"));

        PurposeFitScore s = scorer.score(app, program("infection")).get(0);

        assertThat(s.reasons()).anyMatch(r -> r.ja().startsWith("製品の特徴（資料A.pdf）") && r.ja().contains("最短20分"));
    }

    @Test
    void should_ask_for_review_when_the_program_is_unknown() {
        var scores = scorer.score(application(null, List.of(item(1, "PCR検査装置", "PR-1", 1))), null);

        assertThat(scores).singleElement().satisfies(s -> assertThat(s.hint()).isEqualTo(FitHint.REVIEW));
    }
}
