package jp.shinsa.review.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.PackageUnpacker;

/** The API's response bodies (JSON). Links are paths relative to the server. */
final class ApiResponses {
    private ApiResponses() {
    }

    record Rejected(String file, String reason) {
        static Rejected of(PackageUnpacker.Rejected r) {
            return new Rejected(r.name(), r.reason());
        }
    }

    record Submitted(long id, String name, String status, List<String> files, List<Rejected> rejected,
                     Map<String, String> links) {
    }

    record Status(long id, String name, String status, String failureReason, String program, String applicant,
                  Long requestedAmount, int errorCount, int warningCount, Double riskScore, String riskBand,
                  boolean flagged, String decision, OffsetDateTime createdAt, boolean reviewPending,
                  String reReviewFailure, Map<String, String> links) {
        static Status of(ApplicationSummary s) {
            return new Status(s.id(), s.name(), s.status().name(), s.failureReason(), s.program(), s.applicant(),
                    s.requestedAmount(), s.errorCount(), s.warningCount(), s.riskScore(), s.riskBand(), s.flagged(),
                    s.decision(), s.createdAt(), s.reviewPending(), s.reReviewFailure(), linksFor(s.id()));
        }
    }

    record Page(List<Status> items, int page, int size, long total) {
    }

    static Map<String, String> linksFor(long id) {
        return Map.of("self", "/api/v1/applications/" + id, "review", "/api/v1/applications/" + id + "/review");
    }
}
