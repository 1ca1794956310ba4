package jp.shinsa.review.config;

import org.springframework.core.env.Environment;

/** Whether the workbench runs on its embedded PostgreSQL (no {@code spring.datasource.url}) or an external one. */
public final class DatabaseMode {
    private DatabaseMode() {
    }

    public static boolean isEmbedded(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
