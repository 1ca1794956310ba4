package jp.shinsa.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;

/** Placeholder until the ingest implementation lands: lists the files and reads none of them. */
public class ApplicationReader {

    public ExtractedApplication read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return read(folder.getFileName().toString(),
                    files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ExtractedApplication read(String name, List<Path> files) {
        return new ExtractedApplication(name, files.stream().map(this::readFile).toList());
    }

    public ExtractedDocument readFile(Path file) {
        return ExtractedDocument.unreadable(file.getFileName().toString(), "not read yet");
    }
}
