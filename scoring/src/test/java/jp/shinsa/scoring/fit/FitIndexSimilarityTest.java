package jp.shinsa.scoring.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.models.PastGrant;
import org.junit.jupiter.api.Test;

/**
 * The past-grant index's fast paths give exactly what the plain computations give: the lexical
 * similarity by term ids equals {@link JapaneseText#cosine} of the two maps bit for bit, and the
 * nearest decisions are the head of a stable sort of all of them (docs/decisions/021-review-speed.md).
 */
class FitIndexSimilarityTest {
    private static final List<String> QUERIES = List.of("超音波診断装置", "電子カルテシステム（クラウド型・多施設連携）",
            "ネーザルハイフロー", "テレビ", "救急 搬送 用 ストレッチャー 電動 昇降 付き 大型", "x");

    @Test
    void should_give_the_lexical_similarity_of_the_two_maps_bit_for_bit() {
        FitIndex index = FitModelFixture.model().index();
        for (String text : QUERIES) {
            FitIndex.Query q = index.query(text, BgeEmbedder.embed(text), index.lexical(text));
            for (int t = 0; t < index.textCount(); t++) {
                assertThat(Double.doubleToRawLongBits(q.simL()[t])).as(text + " / text " + t)
                        .isEqualTo(Double.doubleToRawLongBits(JapaneseText.cosine(q.lex(), index.lexicalOf(t))));
            }
        }
    }

    @Test
    void should_give_the_nearest_decisions_in_the_order_of_a_stable_sort_of_all() {
        PurposeFitModel model = FitModelFixture.model();
        List<PastGrant> grants = model.pastGrants();
        for (String text : QUERIES) {
            Map<PastGrant, PurposeFitModel.Neighbour> all = new IdentityHashMap<>();
            model.neighbours(text, null, grants.size()).forEach(n -> all.put(n.grant(), n));
            List<PurposeFitModel.Neighbour> expected = grants.stream().map(all::get)
                    .sorted(Comparator.comparingDouble(n -> -n.similarity())).limit(60).toList();

            assertThat(all).hasSize(grants.size());
            assertThat(model.neighbours(text, null, 60)).as(text).isEqualTo(expected);
        }
    }
}
