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

    MediaType of(Path file) throws IOException, UnreadableException {
        return isZip(file) ? zipType(file) : detect(file);
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        }
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
