package jp.shinsa.review.audit;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log's own chain check, for tests that reach the database without a Spring context. */
public final class AuditChain {
    private AuditChain() {
    }

    /** The first entry whose hash or link does not match, if any. */
    public static Optional<AuditEntry> firstBreak(JdbcClient jdbc) {
        return new AuditLog(jdbc).verify();
    }
}
