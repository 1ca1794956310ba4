package jp.shinsa.review.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jp.shinsa.review.ShinsaApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole workbench on a real PostgreSQL: the embedded server (real binaries from
 * Maven) on a data directory of its own for this test JVM, migrated by Flyway at start-up, with a
 * few demo applications. Contexts are cached, so classes with the same settings share one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ShinsaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface ReviewAppIntegrationTest {
}
