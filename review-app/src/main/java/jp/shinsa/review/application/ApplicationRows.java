package jp.shinsa.review.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** How a row of {@code application} becomes an {@link ApplicationSummary}: one mapping for every reader. */
public final class ApplicationRows {
    public static final String COLUMNS = """
            id, name, program, applicant, requested_amount, status, failure_reason, error_count, warning_count,
            risk_score, risk_band, min_fit, flagged, assignee, decision, created_at, version,
            review_revision > reviewed_revision AS review_pending, rereview_failure""";

    private ApplicationRows() {
    }

    public static ApplicationSummary summary(ResultSet rs, int i) throws SQLException {
        return new ApplicationSummary(rs.getLong("id"), rs.getString("name"), rs.getString("program"),
                rs.getString("applicant"), rs.getObject("requested_amount", Long.class),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
                rs.getInt("error_count"), rs.getInt("warning_count"), rs.getObject("risk_score", Double.class),
                rs.getString("risk_band"), rs.getObject("min_fit", Double.class), rs.getBoolean("flagged"),
                rs.getString("assignee"), rs.getString("decision"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("version"), rs.getBoolean("review_pending"), rs.getString("rereview_failure"));
    }

}
