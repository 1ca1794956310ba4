package jp.shinsa.scoring.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.Text;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.scoring.PurposeFitScorer;

/**
 * Purpose fit per requested item from past decisions, the program's purpose and the product's
 * features, combined by a model trained on past grants ({@link PurposeFitTrainer}). The item's
 * 整備目的 (purpose line) is shown to the examiner but not scored: applicants write it to suit the
 * program, so it says little about the item. See docs/decisions/006-purpose-fit.md.
 */
public final class EmbeddingPurposeFitScorer implements PurposeFitScorer {
    private final PurposeFitModel model;

    public EmbeddingPurposeFitScorer(PurposeFitModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public static EmbeddingPurposeFitScorer of(PurposeFitArtefact artefact) {
        return new EmbeddingPurposeFitScorer(PurposeFitModel.load(artefact));
    }

    public PurposeFitModel model() {
        return model;
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public List<PurposeFitScore> score(ExtractedApplication application, Program program) {
        if (program == null) {
            // Without a program there is no purpose to fit: say so per item rather than guess.
            return application.items().stream().map(i -> new PurposeFitScore(i.no(), 50, FitHint.REVIEW,
                    List.of(new Text("事業が特定できないため適合度を判定できません",
                            "the program is unknown, so purpose fit cannot be judged")), List.of(), version())).toList();
        }
        List<PurposeFitModel.ItemInput> inputs = new ArrayList<>();
        for (RequestedItem item : application.items()) {
            Optional<ExtractedDocument> catalogue = CatalogueMatcher.match(application, item);
            inputs.add(new PurposeFitModel.ItemInput(item, catalogue.map(ExtractedDocument::file).orElse(null),
                    catalogue.map(ExtractedDocument::text).orElse(null)));
        }
        return inputs.isEmpty() ? List.of() : model.score(inputs, program);
    }

    /** Scores one item (e.g. for a screen that edits an item). */
    public PurposeFitScore score(RequestedItem item, Program program) {
        return model.score(item, program, null, null);
    }
}
