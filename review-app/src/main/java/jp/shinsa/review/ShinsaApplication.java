package jp.shinsa.review;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** The Spring Boot application behind {@code ./shinsa serve}. */
@SpringBootApplication
@EnableAsync
public class ShinsaApplication {
}
