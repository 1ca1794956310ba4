package jp.shinsa.review.ops;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.review.audit.AuditEntry;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./shinsa audit-verify [--url JDBC_URL] [--data-dir DIR]}: recomputes the audit log's hash
 * chain and prints either OK with the count and the last hash (exit 0) or the first broken entry
 * (exit 1). Exit 2 when it could not check at all (no database, cannot connect).
 */
public final class AuditVerifyCommand {
    private AuditVerifyCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = OpsDatabase.options(args, 0);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: ./shinsa audit-verify [--url JDBC_URL] [--data-dir DIR]");
            return 2;
        }
        try (OpsDatabase db = OpsDatabase.open(options, env)) {
            err.println("checking the audit log in " + db.description);
            Optional<AuditEntry> broken = db.bean(AuditLog.class).verify();
            JdbcClient jdbc = db.bean(JdbcClient.class);
            long count = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
            if (broken.isEmpty()) {
                String last = jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").query(String.class)
                        .optional().orElse("-");
                out.println("OK: " + count + " audit entries, the hash chain holds; last hash " + last);
                return 0;
            }
            AuditEntry e = broken.get();
            out.println("BROKEN: the hash chain breaks at entry " + e.id() + " (" + e.at() + ", actor " + e.actor()
                    + ", action " + e.action() + (e.applicationId() == null ? "" : ", application " + e.applicationId())
                    + "): its content or its link to the previous entry was changed; " + count + " entries in all");
            return 1;
        } catch (Exception e) {
            err.println("cannot verify the audit log: " + e.getMessage());
            return 2;
        }
    }
}
