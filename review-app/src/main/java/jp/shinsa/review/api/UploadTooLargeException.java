package jp.shinsa.review.api;

/** A request body over the upload limit (answered as 413). */
final class UploadTooLargeException extends RuntimeException {
    UploadTooLargeException(long limit) {
        super("the upload is larger than " + (limit >> 20) + " MB");
    }
}
