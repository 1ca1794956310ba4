package jp.shinsa.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every embedded server the workbench and its commands start commits durably: zonky's own builder
 * turns synchronous commit off, which would let a power cut take transactions already acknowledged
 * (decision 010).
 */
class DurableEmbeddedPostgresIT {

    @Test
    void should_commit_durably_on_a_kept_data_directory(@TempDir Path dir) throws Exception {
        Path pgData = dir.resolve("pgdata");
        try (EmbeddedPostgres pg = BundledPostgres.durableBuilder(pgData).start()) {
            JdbcClient db = JdbcClient.create(pg.getPostgresDatabase());
            assertThat(db.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(db.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            db.sql("CREATE TABLE kept (v int)").update();
            db.sql("INSERT INTO kept VALUES (7)").update();
        }
        try (EmbeddedPostgres again = BundledPostgres.durableBuilder(pgData).start()) {
            assertThat(JdbcClient.create(again.getPostgresDatabase()).sql("SELECT v FROM kept").query(Integer.class)
                    .single()).isEqualTo(7);
        }
    }
}
