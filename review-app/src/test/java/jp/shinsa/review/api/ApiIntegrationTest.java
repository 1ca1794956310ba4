package jp.shinsa.review.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole workbench with small upload limits, so that oversized uploads can be tested with a few
 * megabytes. Every class with this annotation shares one context (and one embedded PostgreSQL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ReviewAppIntegrationTest
@TestPropertySource(properties = {
        "spring.servlet.multipart.max-file-size=" + ApiIntegrationTest.MULTIPART_MAX_FILE_MB + "MB",
        "spring.servlet.multipart.max-request-size=" + ApiIntegrationTest.MULTIPART_MAX_REQUEST_MB + "MB",
        "shinsa.upload.max-file-size=" + ApiIntegrationTest.MAX_FILE_MB + "MB",
        "shinsa.upload.max-package-size=" + ApiIntegrationTest.MAX_PACKAGE_MB + "MB",
        "shinsa.upload.max-files=" + ApiIntegrationTest.MAX_FILES})
public @interface ApiIntegrationTest {
    int MULTIPART_MAX_FILE_MB = 6;
    int MULTIPART_MAX_REQUEST_MB = 12;
    int MAX_FILE_MB = 1;
    int MAX_PACKAGE_MB = 4;
    int MAX_FILES = 20;
}
