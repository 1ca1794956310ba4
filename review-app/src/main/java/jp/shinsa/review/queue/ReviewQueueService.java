package jp.shinsa.review.queue;

import java.util.ArrayList;
import java.util.List;
import jp.shinsa.review.application.ApplicationRows;
import jp.shinsa.review.application.ApplicationSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Pages of the queue for lazy grids: flagged first, then the requested sort, then newest. */
@Service
@PreAuthorize("hasAnyRole('EXAMINER','SUPERVISOR','ADMIN')")
public class ReviewQueueService {
    private final JdbcClient jdbc;

    ReviewQueueService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApplicationSummary> page(QueueFilter filter, List<QueueSort> sorts, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        StringBuilder order = new StringBuilder(" ORDER BY flagged DESC");
        for (QueueSort s : sorts) {
            order.append(", ").append(s.sql());
        }
        order.append(", id DESC");
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + ApplicationRows.COLUMNS + " FROM application" + where + order + " LIMIT ? OFFSET ?")
                .params(params).query(ApplicationRows::summary).list();
    }

    public int count(QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT count(*) FROM application" + where(filter, params)).params(params)
                .query(Integer.class).single();
    }

    private static String where(QueueFilter f, List<Object> params) {
        List<String> c = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            c.add("(name ILIKE ? OR applicant ILIKE ? OR program ILIKE ?)");
            String like = "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (f.status() != null) {
            c.add("status = ?");
            params.add(f.status());
        }
        if (f.flaggedOnly()) {
            c.add("flagged");
        }
        if (f.program() != null) {
            c.add("program = ?");
            params.add(f.program());
        }
        if (f.assignee() != null) {
            c.add("assignee = ?");
            params.add(f.assignee());
        }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }
}
