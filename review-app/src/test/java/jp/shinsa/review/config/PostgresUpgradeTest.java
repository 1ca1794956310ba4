package jp.shinsa.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up upgrade does with data directories before any server starts (decision 017). */
class PostgresUpgradeTest {
    @TempDir
    Path dataDir;

    @Test
    void should_leave_a_directory_of_the_bundled_version_and_a_new_installation_alone() throws IOException {
        Path pgData = dataDir.resolve("pgdata");
        assertThat(PostgresUpgrade.upgradeIfOlder(pgData)).isEmpty();
        dataDir(pgData, BundledPostgres.major());
        assertThat(PostgresUpgrade.upgradeIfOlder(pgData)).isEmpty();
        assertThat(names()).containsExactly("pgdata");
    }

    @Test
    void should_refuse_a_version_it_cannot_upgrade_and_change_nothing() throws IOException {
        Path pgData = dataDir.resolve("pgdata");
        dataDir(pgData, "12");
        assertThatThrownBy(() -> PostgresUpgrade.upgradeIfOlder(pgData))
                .hasMessageContaining("made by PostgreSQL 12")
                .hasMessageContaining("upgrades only from " + BundledPostgres.previousMajor())
                .hasMessageContaining("Nothing was changed");
        assertThat(PostgresUpgrade.pgVersion(pgData)).isEqualTo("12");
        assertThat(names()).doesNotContain("pgdata-upgrading").noneMatch(n -> n.contains("backup"));
    }

    @Test
    void should_finish_a_swap_that_was_stopped_after_the_copy_was_checked() throws IOException {
        Path pgData = dataDir.resolve("pgdata");
        dataDir(pgData, "14");
        Path next = dataDir.resolve("pgdata-upgrading");
        dataDir(next, BundledPostgres.major());
        Files.writeString(next.resolve(PostgresUpgrade.VERIFIED_MARKER), "pgdata-14-backup-20261204-120000");

        assertThat(PostgresUpgrade.upgradeIfOlder(pgData)).contains(dataDir.resolve("pgdata-14-backup-20261204-120000"));
        assertThat(PostgresUpgrade.pgVersion(pgData)).isEqualTo(BundledPostgres.major());
        assertThat(PostgresUpgrade.pgVersion(dataDir.resolve("pgdata-14-backup-20261204-120000"))).isEqualTo("14");
        assertThat(Files.exists(pgData.resolve(PostgresUpgrade.VERIFIED_MARKER))).isFalse();
        assertThat(Files.exists(next)).isFalse();
    }

    @Test
    void should_finish_a_swap_stopped_between_its_two_renames() throws IOException {
        Path pgData = dataDir.resolve("pgdata");
        dataDir(dataDir.resolve("pgdata-14-backup-20261204-120000"), "14");
        Path next = dataDir.resolve("pgdata-upgrading");
        dataDir(next, BundledPostgres.major());
        Files.writeString(next.resolve(PostgresUpgrade.VERIFIED_MARKER), "pgdata-14-backup-20261204-120000");

        assertThat(PostgresUpgrade.upgradeIfOlder(pgData)).isPresent();
        assertThat(PostgresUpgrade.pgVersion(pgData)).isEqualTo(BundledPostgres.major());
        assertThat(Files.exists(next)).isFalse();
    }

    @Test
    void should_discard_a_new_directory_whose_copy_was_never_checked() throws IOException {
        Path pgData = dataDir.resolve("pgdata");
        dataDir(pgData, BundledPostgres.major());
        dataDir(dataDir.resolve("pgdata-upgrading"), BundledPostgres.major());

        assertThat(PostgresUpgrade.upgradeIfOlder(pgData)).isEmpty();
        assertThat(names()).contains("pgdata").doesNotContain("pgdata-upgrading");
    }

    private static void dataDir(Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("PG_VERSION"), version + "\n");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dataDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".upgrade-lock")).sorted().toList();
        }
    }
}
