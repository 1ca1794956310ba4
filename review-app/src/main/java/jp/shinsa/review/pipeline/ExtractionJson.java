package jp.shinsa.review.pipeline;

import jp.shinsa.models.ExtractedApplication;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what was read from an application's files as JSON (the {@code models} records as they
 * are), so corrections can re-run the checks and scores on it without reading the files again.
 */
public final class ExtractionJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ExtractionJson() {
    }

    public static String write(ExtractedApplication application) {
        return JSON.writeValueAsString(application);
    }

    public static ExtractedApplication read(String json) {
        return JSON.readValue(json, ExtractedApplication.class);
    }
}
