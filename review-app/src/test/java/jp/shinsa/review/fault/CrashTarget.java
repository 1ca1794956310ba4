package jp.shinsa.review.fault;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import jp.shinsa.review.ShinsaApplication;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ConcurrentChangeException;
import jp.shinsa.review.application.DecisionOutcome;
import jp.shinsa.review.demo.DemoPackageGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * The workbench as a process of its own, busy until it is killed: one thread submits a new demo
 * application every {@value #SUBMIT_EVERY_MS} ms (faster than they are reviewed, so reviews are always
 * in flight) and another decides every reviewed application as an examiner. Each call that returned
 * — an acknowledged submission or decision — is appended as one line to the acknowledgement file,
 * after it returned, so the file lists exactly what the workbench promised to keep.
 *
 * <p>Arguments: the data directory, the acknowledgement file.
 */
public final class CrashTarget {
    static final long SUBMIT_EVERY_MS = 150;

    private CrashTarget() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        PrintStream acks = new PrintStream(new FileOutputStream(args[1], true), true, StandardCharsets.UTF_8);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ShinsaApplication.class)
                .run("--shinsa.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        ApplicationReviewService service = ctx.getBean(ApplicationReviewService.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        acks.println("STARTED");
        Thread.ofPlatform().name("crash-submitter").start(() -> {
            DemoPackageGenerator generator = new DemoPackageGenerator();
            for (int i = 0; ; i++) {
                DemoPackageGenerator.DemoPackage p = generator.generate(i % 12);
                long id = service.submitAsSystem("crash-test", p.name() + " #" + i, p.files());
                acks.println("SUBMITTED " + id + " " + p.files().size());
                sleep(SUBMIT_EVERY_MS);
            }
        });
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "examiner", null, List.of(new SimpleGrantedAuthority("ROLE_EXAMINER")))));
        DecisionOutcome[] outcomes = DecisionOutcome.values();
        for (int n = 0; ; ) {
            List<long[]> reviewed = jdbc.sql("SELECT id, version FROM application WHERE status = 'REVIEWED' ORDER BY id LIMIT 10")
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}).list();
            if (reviewed.isEmpty()) {
                sleep(20);
            }
            for (long[] app : reviewed) {
                try {
                    long decision = service.decide("examiner", app[0], (int) app[1], outcomes[n++ % outcomes.length],
                            "crash test decision " + n);
                    acks.println("DECIDED " + app[0] + " " + decision);
                } catch (ConcurrentChangeException e) {
                    // Reviewed again meanwhile: the next round takes the new version.
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
