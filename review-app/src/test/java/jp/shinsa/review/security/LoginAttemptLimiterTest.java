package jp.shinsa.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptLimiterTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final LoginAttemptLimiter limiter = new LoginAttemptLimiter(clock, 5, 20, Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    @Test
    void should_lock_a_name_at_the_fifth_failure_and_unlock_it_after_the_lock_time() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.failed("examiner", "10.0.0.1")).isFalse();
            assertThat(limiter.isLocked("examiner", "10.0.0.2")).isFalse();
        }
        assertThat(limiter.failed("Examiner", "10.0.0.1")).as("names are case-insensitive").isTrue();
        assertThat(limiter.isLocked("examiner", "10.0.0.2")).isTrue();
        assertThat(limiter.isLocked("someone-else", "10.0.0.2")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(limiter.isLocked("examiner", "10.0.0.2")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(limiter.isLocked("examiner", "10.0.0.2")).isFalse();
    }

    @Test
    void should_forget_failures_older_than_the_window() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("examiner", null);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(limiter.failed("examiner", null)).isFalse();
        assertThat(limiter.isLocked("examiner", null)).isFalse();
    }

    @Test
    void should_clear_a_names_failures_at_a_successful_login() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("examiner", null);
        }
        limiter.succeeded("examiner");
        assertThat(limiter.failed("examiner", null)).isFalse();
    }

    @Test
    void should_lock_an_address_that_guesses_many_names() {
        for (int i = 0; i < 19; i++) {
            assertThat(limiter.failed("user" + i, "10.0.0.9")).isFalse();
        }
        assertThat(limiter.failed("user19", "10.0.0.9")).isTrue();
        assertThat(limiter.isLocked("a-fresh-name", "10.0.0.9")).isTrue();
        assertThat(limiter.isLocked("a-fresh-name", "10.0.0.10")).isFalse();
    }
}
