package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/**
 * One thing an examiner must look at (findings.md). Keys that do not apply are null.
 *
 * @param expected what the other document or the arithmetic gives, in yen (null when not numeric)
 * @param actual   what the document states, in yen
 * @param evidence where the compared values were read, first the one that is flagged
 * @param cause    for a consequence of another finding, a short key of that root cause; else null
 */
public record Finding(FindingCode code, Severity severity, String account, Integer fiscalYear, Integer item,
                      DocumentType documentType, String file, Long expected, Long actual, Text message,
                      List<SourceLocation> evidence, String cause) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
    }

    public boolean isAlarm() {
        return severity != Severity.INFO;
    }
}
