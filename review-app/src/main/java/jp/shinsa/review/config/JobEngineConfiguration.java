package jp.shinsa.review.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import jp.shinsa.review.application.ReReviewJobs;
import jp.shinsa.review.application.ReviewJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The durable job engine: db-scheduler on the workbench's own PostgreSQL (table
 * {@code scheduled_tasks}), shared by every instance on that database. See
 * docs/decisions/015-durable-review-jobs.md for the timings and what a kill may cost.
 *
 * <ul>
 * <li>Jobs are written through a {@link TransactionAwareDataSourceProxy}, so a job scheduled inside a
 * Spring transaction (a submission storing its files) commits or rolls back with it.</li>
 * <li>Instances claim due jobs with {@code SELECT … FOR UPDATE SKIP LOCKED} (lock-and-fetch): no two
 * run the same job, and an instance takes only as many as it has workers.</li>
 * <li>A running job's heartbeat is written every {@code shinsa.jobs.heartbeat-interval}; one whose
 * heartbeat is {@code shinsa.jobs.missed-heartbeats} intervals old is dead (its instance was killed)
 * and is run again by whichever instance looks first (every two heartbeat intervals).</li>
 * </ul>
 * The scheduler starts once the application is ready (after the start-up runners: programs, users,
 * default models), so no job runs against a half-initialised workbench.
 */
@Configuration(proxyBeanMethods = false)
class JobEngineConfiguration {
    private static final Logger log = LoggerFactory.getLogger(JobEngineConfiguration.class);

    @Bean
    OneTimeTask<Void> reviewApplicationTask(ObjectProvider<ReviewJobs> jobs) {
        // The handler is looked up when a job runs: it schedules follow-up jobs through the scheduler,
        // which is built from these tasks, so neither may need the other to be built first.
        return Tasks.oneTime(ReviewJobs.REVIEW)
                .onDeadExecutionRevive()
                .onFailure((complete, ops) -> jobs.getObject().onFailure(complete, ops))
                .execute((instance, context) -> jobs.getObject().review(instance));
    }

    @Bean
    OneTimeTask<Void> reReviewApplicationTask(ObjectProvider<ReReviewJobs> jobs) {
        return Tasks.oneTime(ReReviewJobs.REREVIEW)
                .onDeadExecutionRevive()
                .onFailure((complete, ops) -> jobs.getObject().onFailure(complete, ops))
                .execute((instance, context) -> jobs.getObject().reReview(instance));
    }

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, List<Task<?>> tasks,
                           @Value("${shinsa.review.threads:1}") int workers,
                           @Value("${shinsa.jobs.polling-interval:2s}") Duration polling,
                           @Value("${shinsa.jobs.heartbeat-interval:5s}") Duration heartbeat,
                           @Value("${shinsa.jobs.missed-heartbeats:6}") int missedHeartbeats,
                           @Value("${shinsa.jobs.shutdown-wait:10s}") Duration shutdownWait) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .threads(workers)
                .pollingInterval(polling)
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(missedHeartbeats)
                .shutdownMaxWait(shutdownWait)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startJobs(ApplicationReadyEvent event) {
        Scheduler scheduler = event.getApplicationContext().getBean(Scheduler.class);
        scheduler.start();
        log.info("job engine started as {}", instanceName());
    }

    /** Host and process: two instances on one host are told apart in {@code scheduled_tasks.picked_by}. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "#" + ProcessHandle.current().pid();
    }
}
