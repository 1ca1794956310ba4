package jp.shinsa.review.application;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receiving an application: its files under safe, unique names, its audit entry and its review job
 * ({@link ReviewJobs}) in one transaction, so an acknowledged submission always has its job.
 */
@Component
class Submissions {
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final SchedulerClient jobs;
    private final TransactionTemplate tx;

    Submissions(JdbcApplicationRepository applications, AuditLog audit, SchedulerClient jobs, TransactionTemplate tx) {
        this.applications = applications;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
    }

    long submit(String actor, String name, List<UploadedFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an application needs at least one file");
        }
        Map<String, UploadedFile> byName = new LinkedHashMap<>();
        for (UploadedFile f : files) {
            String safe = FileNames.safe(f.fileName());
            String unique = safe;
            for (int n = 2; byName.containsKey(unique); n++) {
                unique = FileNames.withSuffix(safe, n);
            }
            byName.put(unique, new UploadedFile(unique, f.contentType(), f.content()));
        }
        return tx.execute(status -> {
            long newId = applications.insert(name, actor);
            byName.values().forEach(f -> applications.insertFile(newId, f));
            audit.record(actor, "APPLICATION_SUBMITTED", newId,
                    Map.of("name", name, "files", List.copyOf(byName.keySet())));
            ReviewJobs.enqueue(jobs, newId);
            return newId;
        });
    }
}
