package jp.shinsa.review.application;

import java.util.Objects;

/** A file handed to the workbench: its name as the applicant gave it and its bytes. */
public record UploadedFile(String fileName, String contentType, byte[] content) {
    public UploadedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }
}
