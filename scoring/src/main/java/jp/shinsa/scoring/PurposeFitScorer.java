package jp.shinsa.scoring;

import java.util.List;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;

/** Scores how well each requested item serves its program's purpose. Thread-safe. */
public interface PurposeFitScorer {
    String version();

    /** One score per item of the application form, in item order; empty when there are no items. */
    List<PurposeFitScore> score(ExtractedApplication application, Program program);
}
