package jp.shinsa.review.queue;

import java.util.Map;

/** A sort the queue accepts: a column of a fixed list (never user text in SQL) and a direction. */
public record QueueSort(String column, boolean ascending) {
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("program", "program"),
            Map.entry("applicant", "applicant"), Map.entry("requestedAmount", "requested_amount"),
            Map.entry("status", "status"), Map.entry("errorCount", "error_count"),
            Map.entry("warningCount", "warning_count"), Map.entry("riskScore", "risk_score"),
            Map.entry("minFit", "min_fit"), Map.entry("assignee", "assignee"), Map.entry("createdAt", "created_at"));

    public QueueSort {
        if (!COLUMNS.containsKey(column)) {
            throw new IllegalArgumentException("cannot sort by " + column);
        }
    }

    String sql() {
        return COLUMNS.get(column) + (ascending ? " ASC NULLS FIRST" : " DESC NULLS LAST");
    }
}
