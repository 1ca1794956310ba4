package jp.shinsa.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinsa.models.Sha256;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** The previous PostgreSQL bundle is stored without the files it shares with the current one (decision 019). */
class PreviousPostgresBundleTest {
    private static final byte[] ICU = "icu data".getBytes(StandardCharsets.UTF_8);

    @Test
    void should_put_the_shared_files_back_from_the_current_bundle() throws IOException {
        byte[] current = txz(Map.of("lib/libicudata.so.60.2", ICU, "bin/postgres", bytes("postgres 17")), null);
        byte[] previous = txz(Map.of("bin/postgres", bytes("postgres 14")), "lib/libicudata.so.60");

        byte[] whole = PreviousPostgresBundle.complete(new ByteArrayInputStream(previous),
                Map.of("lib/libicudata.so.60.2", Sha256.hex(ICU)), new ByteArrayInputStream(current));

        Map<String, String> entries = read(whole);
        assertThat(entries).containsEntry("bin/postgres", "postgres 14").containsEntry("lib/libicudata.so.60.2", "icu data")
                .containsEntry("lib/libicudata.so", "-> lib/libicudata.so.60").hasSize(3);
    }

    @Test
    void should_refuse_a_current_bundle_whose_shared_file_differs() throws IOException {
        byte[] current = txz(Map.of("lib/libicudata.so.60.2", bytes("other icu")), null);
        byte[] previous = txz(Map.of("bin/postgres", bytes("postgres 14")), null);

        assertThatThrownBy(() -> PreviousPostgresBundle.complete(new ByteArrayInputStream(previous),
                Map.of("lib/libicudata.so.60.2", Sha256.hex(ICU)), new ByteArrayInputStream(current)))
                .isInstanceOf(IOException.class).hasMessageContaining("lib/libicudata.so.60.2").hasMessageContaining("two builds");
    }

    @Test
    void should_refuse_a_current_bundle_that_lacks_a_shared_file() throws IOException {
        byte[] current = txz(Map.of("bin/postgres", bytes("postgres 17")), null);
        byte[] previous = txz(Map.of("bin/postgres", bytes("postgres 14")), null);

        assertThatThrownBy(() -> PreviousPostgresBundle.complete(new ByteArrayInputStream(previous),
                Map.of("lib/libicudata.so.60.2", Sha256.hex(ICU)), new ByteArrayInputStream(current)))
                .isInstanceOf(IOException.class).hasMessageContaining("lib/libicudata.so.60.2");
    }

    @Test
    void should_read_the_list_the_build_writes() throws IOException {
        String hash = Sha256.hex(ICU);
        String list = hash + "  lib/libicudata.so.60.2\n" + hash + "  share/postgresql/timezone/Asia/Tokyo\n";

        assertThat(PreviousPostgresBundle.readShared(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8))))
                .containsEntry("lib/libicudata.so.60.2", hash).containsEntry("share/postgresql/timezone/Asia/Tokyo", hash);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A tar.xz of the files, and of a symbolic link lib/libicudata.so to {@code linkTarget} when given. */
    private static byte[] txz(Map<String, byte[]> files, String linkTarget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(out, new LZMA2Options(1)))) {
            for (var f : new LinkedHashMap<>(files).entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            if (linkTarget != null) {
                TarArchiveEntry link = new TarArchiveEntry("lib/libicudata.so", TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(linkTarget);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> read(byte[] txz) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(txz)))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                entries.put(e.getName(), e.isSymbolicLink() ? "-> " + e.getLinkName()
                        : new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
