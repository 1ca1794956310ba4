package jp.shinsa.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the one place the project hashes (stored files, training data, API
 * token secrets, the audit chain, model caches). Every JDK has SHA-256, so its absence is an error.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** The SHA-256 of the bytes, 64 lower-case hex digits. */
    public static String hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The SHA-256 of the text's UTF-8 bytes, 64 lower-case hex digits. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
