import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Build step (review-app's pom, generate-resources; decision 017 and docs/decisions/019-tools-module.md): the
 * previous PostgreSQL major's bundle, kept only to upgrade an old data directory, shares most of its bytes with
 * the current one — ICU, OpenSSL, libxml2 and the time-zone data are the same files. This writes the previous
 * bundle without the regular files that are byte for byte in the current bundle of the same name, and beside
 * it {@code <bundle>.shared}: one {@code sha256 path} line per file left out. {@code BundledPostgres} puts them
 * back from the current bundle when the previous binaries are needed.
 *
 * <p>Arguments: the directory the previous bundles were unpacked to, the current binaries jar, the output
 * directory. Run with commons-compress and XZ for Java on the class path. Not part of the product.
 */
public final class SharePreviousPostgres {
    public static void main(String[] args) throws Exception {
        Path previousDir = Path.of(args[0]);
        Path currentJar = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<Path> bundles;
        try (Stream<Path> s = Files.list(previousDir)) {
            bundles = s.filter(p -> p.getFileName().toString().endsWith(".txz")).sorted().toList();
        }
        if (bundles.isEmpty()) {
            throw new IllegalStateException("no .txz under " + previousDir);
        }
        try (ZipFile current = new ZipFile(currentJar.toFile())) {
            for (Path bundle : bundles) {
                String name = bundle.getFileName().toString();
                Path target = out.resolve(name);
                Path manifest = out.resolve(name + ".shared");
                if (Files.exists(manifest) && Files.exists(target)
                        && Files.getLastModifiedTime(manifest).compareTo(Files.getLastModifiedTime(bundle)) > 0
                        && Files.getLastModifiedTime(manifest).compareTo(Files.getLastModifiedTime(currentJar)) > 0) {
                    System.out.println("SharePreviousPostgres: " + name + " is up to date");
                    continue;
                }
                ZipEntry same = current.getEntry(name);
                if (same == null) {
                    Files.copy(bundle, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.deleteIfExists(manifest);
                    System.out.println("SharePreviousPostgres: no current " + name + " in " + currentJar.getFileName() + ", copied as it is");
                    continue;
                }
                Map<String, String> currentFiles = new TreeMap<>();
                try (InputStream in = current.getInputStream(same)) {
                    forEachFile(in, (entry, bytes) -> currentFiles.put(entry.getName(), sha256(bytes)));
                }
                share(bundle, currentFiles, target, manifest);
            }
        }
    }

    private static void share(Path bundle, Map<String, String> currentFiles, Path target, Path manifest) throws IOException {
        Map<String, String> shared = new TreeMap<>();
        long sharedBytes = 0;
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(bundle));
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(raw));
                OutputStream file = Files.newOutputStream(tmp);
                TarArchiveOutputStream outTar = new TarArchiveOutputStream(new XZOutputStream(file, new LZMA2Options(6)))) {
            outTar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            outTar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                byte[] bytes = regular(e) ? tar.readAllBytes() : new byte[0];
                if (regular(e)) {
                    String hash = sha256(bytes);
                    if (hash.equals(currentFiles.get(e.getName()))) {
                        shared.put(e.getName(), hash);
                        sharedBytes += bytes.length;
                        continue;
                    }
                }
                outTar.putArchiveEntry(e);
                outTar.write(bytes);
                outTar.closeArchiveEntry();
            }
            outTar.finish();
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Writer w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            for (var s : shared.entrySet()) {
                w.write(s.getValue() + "  " + s.getKey() + "\n");
            }
        }
        System.out.printf("SharePreviousPostgres: %s %d KB -> %d KB; %d files (%d KB unpacked) taken from the current bundle%n",
                target.getFileName(), Files.size(bundle) >> 10, Files.size(target) >> 10, shared.size(), sharedBytes >> 10);
    }

    interface FileVisitor {
        void visit(TarArchiveEntry entry, byte[] bytes) throws IOException;
    }

    private static void forEachFile(InputStream txz, FileVisitor visitor) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)));
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            if (regular(e)) {
                visitor.visit(e, tar.readAllBytes());
            }
        }
    }

    /** A regular file: not a directory, nor a symbolic or hard link (whose target is not in its bytes). */
    private static boolean regular(TarArchiveEntry e) {
        return e.isFile() && !e.isSymbolicLink() && !e.isLink() && !e.isDirectory();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
