package jp.shinsa.review.application;

/** An uploaded file as stored (content is fetched separately). */
public record StoredFile(long id, String fileName, String contentType, long sizeBytes, String sha256) {
}
