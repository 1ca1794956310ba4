package jp.shinsa.review.mapping;

import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.review.application.RowRemapper;
import org.springframework.stereotype.Component;

/** The row mappings of an application and the active learned wordings, for a figure correction's re-run. */
@Component
class ApplicationRowRemapper implements RowRemapper {
    private final JdbcRowMappingRepository rowMappings;
    private final LearnedMappingService learned;

    ApplicationRowRemapper(JdbcRowMappingRepository rowMappings, LearnedMappingService learned) {
        this.rowMappings = rowMappings;
        this.learned = learned;
    }

    @Override
    public ExtractedApplication remap(long applicationId, ExtractedApplication asRead) {
        return Remapping.apply(asRead, rowMappings.ofApplication(applicationId), learned.active());
    }
}
