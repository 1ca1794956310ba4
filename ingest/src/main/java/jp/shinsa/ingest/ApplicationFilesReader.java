package jp.shinsa.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.shinsa.models.ExtractedApplication;

/**
 * Reads an application's files into what the checks and scores work on. Every file gives one
 * document, in the order given: read, or unreadable with a reason; a file never makes the whole
 * application fail. Implementations: {@link ApplicationReader} reads in this JVM; the workbench's
 * worker-process reader (review-app {@code pipeline.ChildJvmApplicationReader}) runs the same
 * reader in child JVMs that can be killed (docs/decisions/016-parsers-in-worker-processes.md).
 */
public interface ApplicationFilesReader extends AutoCloseable {

    /** Files from anywhere (an upload's temp dir) under a display name. */
    ExtractedApplication read(String name, List<Path> files);

    /** Every regular, non-hidden file of the folder, by name. */
    default ExtractedApplication read(Path folder) {
        return read(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString(), filesOf(folder));
    }

    /** Stops whatever the reader keeps running (threads, processes). */
    @Override
    default void close() {
    }

    /** The regular, non-hidden files of a folder in name order (none when it cannot be listed). */
    static List<Path> filesOf(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
