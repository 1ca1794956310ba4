package jp.shinsa.review.program;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start: the programs of the contract's programs.csv become the configured programs. */
@Component
@Order(0)
class ProgramSeeder implements ApplicationRunner {
    private final ProgramService programs;

    ProgramSeeder(ProgramService programs) {
        this.programs = programs;
    }

    @Override
    public void run(ApplicationArguments args) {
        programs.seedIfEmpty();
    }
}
