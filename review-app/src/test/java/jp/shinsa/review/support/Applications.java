package jp.shinsa.review.support;

import java.time.Duration;
import java.time.Instant;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.demo.DemoPackageGenerator;

/** Test helper: submit a demo package and wait for its first pass. */
public final class Applications {
    private Applications() {
    }

    public static ApplicationSummary reviewed(ApplicationReviewService service, int demoIndex, String name)
            throws InterruptedException {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(demoIndex);
        long id = service.submit("examiner", name, p.files());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            ApplicationSummary s = service.find(id).orElseThrow();
            if (s.status() == ApplicationStatus.REVIEWED || s.status() == ApplicationStatus.FAILED) {
                return s;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("application " + id + " was not reviewed in time");
    }

    /**
     * Waits until the re-review after a change (a correction, a row mapping, a promotion: a job) has
     * stored its result or was given up, and returns the application then.
     */
    public static ApplicationSummary reReviewed(ApplicationReviewService service, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            ApplicationSummary s = service.find(id).orElseThrow();
            if (!s.reviewPending() || s.reReviewFailure() != null) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("application " + id + " was not re-reviewed in time");
    }
}
