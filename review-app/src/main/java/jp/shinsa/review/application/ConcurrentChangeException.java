package jp.shinsa.review.application;

/** Someone else changed the application since it was loaded: reload and try again. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(long id) {
        super("application " + id + " was changed by someone else; reload it");
    }
}
