package jp.shinsa.review.api;

/** No application with this id (answered as 404). */
final class ApplicationNotFoundException extends RuntimeException {
    ApplicationNotFoundException(long id) {
        super("no application " + id);
    }
}
