package jp.shinsa.review.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server running on a data directory, from its {@code postmaster.pid} (PostgreSQL's
 * documented layout: line 1 the PID, line 2 the data directory, line 4 the port). Read by the
 * workbench at start (an orphaned server, {@link OrphanedPostmaster}) and by the operator commands
 * (the running workbench's server).
 */
public final class PostmasterPid {

    /** A live postmaster and the port it listens on. */
    public record Running(ProcessHandle process, int port) {
    }

    private PostmasterPid() {
    }

    /**
     * The live postmaster of {@code pgData}, or empty. A PID may have been reused since the file was
     * written: only a {@code postgres} process of this very directory counts.
     */
    public static Optional<Running> of(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid;
        int port;
        try {
            pid = Long.parseLong(lines.get(0).strip());
            port = Integer.parseInt(lines.get(3).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(h -> sameDirectory(Path.of(lines.get(1).strip()), pgData))
                .map(h -> new Running(h, port));
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
