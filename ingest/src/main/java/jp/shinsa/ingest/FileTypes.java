package jp.shinsa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * A file's type as {@link FileLayoutReader} chooses its reader by: detected from the content, not the name
 * (a ZIP package by its central directory, which also refuses decompression bombs).
 */
final class FileTypes {
    private final IngestOptions options;
    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    FileTypes(IngestOptions options) {
        this.options = options;
    }

    private static final MediaType PDF = MediaType.application("pdf");
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    MediaType of(Path file) throws IOException, UnreadableException {
        byte[] head = head(file, UTF8_BOM.length + PDF_HEADER.length);
        if (isZip(head)) {
            return zipType(file);
        }
        return isPdf(head) ? PDF : detect(file);
    }

    /** The first {@code n} bytes of the file (fewer when it is shorter), without a stream's buffers. */
    private static byte[] head(Path file, int n) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(n);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // until n bytes or the end of the file
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /**
     * A file that begins with the PDF header ({@code %PDF-}, perhaps after a UTF-8 byte order mark:
     * Tika's two strongest PDF signatures) is a PDF without asking Tika, whose magic detection reads
     * 64 KB of every file and tries some 1,500 signatures on it (a tenth of a review's time on the dev
     * corpus). Tika would say otherwise only when a signature of higher priority matched somewhere in
     * those 64 KB as well (a polyglot file); PDFBox reads such a file as the PDF it also is.
     * See docs/decisions/021-review-speed.md.
     */
    private static boolean isPdf(byte[] b) {
        return startsWith(b, 0, PDF_HEADER)
                || startsWith(b, 0, UTF8_BOM) && startsWith(b, UTF8_BOM.length, PDF_HEADER);
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Office files are ZIP packages. Their central directory says what they hold and how far each
     * part inflates, so a decompression bomb is refused before anything is inflated (and before
     * Tika's container detection, which would inflate parts to look inside).
     */
    private MediaType zipType(Path file) throws IOException, UnreadableException {
        boolean workbook = false;
        long total = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            int count = 0;
            while (entries.hasMoreElements()) {
                java.util.zip.ZipEntry e = entries.nextElement();
                if (++count > 10_000) {
                    throw new UnreadableException("archive with too many parts");
                }
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size > 0 && packed > 0 && size > 1_000_000 && size / packed > 100) {
                    throw new UnreadableException("decompression bomb refused: " + e.getName() + " inflates " + size / packed + "×");
                }
                total += Math.max(0, size);
                if (total > 4 * options.maxFileBytes()) {
                    throw new UnreadableException("decompression bomb refused: parts inflate beyond " + (4 * options.maxFileBytes() >> 20) + " MB");
                }
                workbook |= e.getName().equals("xl/workbook.xml") || e.getName().endsWith("/workbook.xml");
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnreadableException("corrupt ZIP/Office file: " + FileLayoutReader.shortMessage(e));
        }
        if (workbook) {
            return MediaType.parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        return detect(file);
    }

    private MediaType detect(Path file) throws IOException {
        // Content only: a name's extension may lie (a PDF saved as .xlsx).
        try (TikaInputStream in = TikaInputStream.get(file)) {
            Metadata md = new Metadata();
            MediaType t = detector.detect(in, md);
            if (t.equals(MediaType.OCTET_STREAM) || t.equals(MediaType.TEXT_PLAIN)) {
                Metadata named = new Metadata();
                named.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
                try (TikaInputStream in2 = TikaInputStream.get(file)) {
                    MediaType byName = detector.detect(in2, named);
                    if (t.equals(MediaType.TEXT_PLAIN) && byName.getType().equals("text")) {
                        return byName;
                    }
                    if (t.equals(MediaType.OCTET_STREAM)) {
                        return byName.getBaseType().toString().equals("application/pdf") ? t : byName;
                    }
                }
            }
            return t;
        }
    }
}
