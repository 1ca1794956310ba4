package jp.shinsa.review.demo;

import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.config.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * First start with the embedded database: loads the demo applications through the same path as an
 * upload, so they are read, checked and scored for real. (Interrupted reviews need nothing here: their
 * durable jobs run again, see ReviewJobs.)
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private final ApplicationReviewService applications;
    private final Environment env;

    DemoDataLoader(ApplicationReviewService applications, Environment env) {
        this.applications = applications;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demo = env.getProperty("shinsa.demo.enabled", Boolean.class, true) && DatabaseMode.isEmbedded(env);
        if (!demo || applications.count() > 0) {
            return;
        }
        int count = env.getProperty("shinsa.demo.applications", Integer.class, 12);
        DemoPackageGenerator generator = new DemoPackageGenerator();
        for (int i = 0; i < count; i++) {
            DemoPackageGenerator.DemoPackage p = generator.generate(i);
            applications.submitAsSystem("system", p.name(), p.files());
        }
        log.info("loaded {} demo applications", count);
    }
}
