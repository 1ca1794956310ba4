package jp.shinsa.ingest;

/** A file that cannot be read, with the short English reason the contract reports. */
final class UnreadableException extends Exception {
    UnreadableException(String reason) {
        super(reason, null, false, false);
    }
}
