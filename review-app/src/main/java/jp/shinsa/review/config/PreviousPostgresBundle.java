package jp.shinsa.review.config;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinsa.models.Sha256;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The previous major's bundle as the build stores it (decision 017, docs/decisions/019-tools-module.md): without
 * the files that are byte for byte in the current major's bundle (ICU, OpenSSL, libxml2, time zones), listed
 * with their SHA-256 in {@code <bundle>.shared}. {@link #complete} puts them back from the current bundle and
 * gives the whole bundle as zonky reads it (a tar in an XZ stream, stored without compression: it is unpacked
 * at once and never kept).
 */
final class PreviousPostgresBundle {
    private PreviousPostgresBundle() {
    }

    /** {@code sha256  path} lines, as the build writes them. */
    static Map<String, String> readShared(InputStream manifest) throws IOException {
        Map<String, String> shared = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(manifest, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null;) {
            if (line.isBlank()) {
                continue;
            }
            int gap = line.indexOf("  ");
            if (gap != 64) {
                throw new IOException("not a line of a shared-files list: " + line);
            }
            shared.put(line.substring(gap + 2), line.substring(0, gap));
        }
        return shared;
    }

    /**
     * The previous bundle with the shared files taken from the current one; fails naming a file the current
     * bundle lacks or holds with other bytes (a jar put together from two builds).
     */
    static byte[] complete(InputStream previousTxz, Map<String, String> shared, InputStream currentTxz) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 20);
        LZMA2Options stored = new LZMA2Options();
        stored.setMode(LZMA2Options.MODE_UNCOMPRESSED);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(bytes, stored))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveInputStream previous = open(previousTxz);
            for (TarArchiveEntry e; (e = previous.getNextEntry()) != null;) {
                copy(e, previous.readAllBytes(), out);
            }
            Map<String, String> missing = new HashMap<>(shared);
            TarArchiveInputStream current = open(currentTxz);
            for (TarArchiveEntry e; (e = current.getNextEntry()) != null && !missing.isEmpty();) {
                String expected = missing.get(e.getName());
                if (expected == null || !regular(e)) {
                    continue;
                }
                byte[] content = current.readAllBytes();
                if (!Sha256.hex(content).equals(expected)) {
                    throw new IOException("the current PostgreSQL bundle's " + e.getName()
                            + " is not the file the previous bundle shares with it: this jar mixes two builds");
                }
                missing.remove(e.getName());
                copy(e, content, out);
            }
            if (!missing.isEmpty()) {
                throw new IOException("the current PostgreSQL bundle lacks " + missing.size() + " file(s) the previous one shares, e.g. "
                        + missing.keySet().iterator().next() + ": this jar mixes two builds");
            }
            out.finish();
        }
        return bytes.toByteArray();
    }

    private static TarArchiveInputStream open(InputStream txz) throws IOException {
        return new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)));
    }

    private static void copy(TarArchiveEntry e, byte[] content, TarArchiveOutputStream out) throws IOException {
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
    }

    /** A regular file (the build shares only those): not a directory, nor a symbolic or hard link. */
    private static boolean regular(TarArchiveEntry e) {
        return e.isFile() && !e.isSymbolicLink() && !e.isLink() && !e.isDirectory();
    }
}
