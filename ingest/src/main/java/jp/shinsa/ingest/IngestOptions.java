package jp.shinsa.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * How files are read.
 *
 * @param ocr              OCR image-only pages (needs Tesseract); when false such pages give an unreadable file
 * @param ocrLanguage      Tesseract language(s), e.g. "jpn" or "jpn+eng"
 * @param timePerFile      the longest one file may take; a file that takes longer is unreadable
 * @param maxFileBytes     larger files are not opened
 * @param maxPages         pages read per PDF (the rest are ignored)
 * @param ocrDpi           rendering resolution for OCR
 */
public record IngestOptions(boolean ocr, String ocrLanguage, Duration timePerFile, long maxFileBytes, int maxPages, int ocrDpi) {
    public IngestOptions {
        Objects.requireNonNull(ocrLanguage, "ocrLanguage");
        Objects.requireNonNull(timePerFile, "timePerFile");
        if (maxFileBytes < 1 || maxPages < 1 || ocrDpi < 72) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** OCR on in Japanese, 2 minutes and 50 MB per file, 50 pages, 300 dpi. */
    public static IngestOptions defaults() {
        return new IngestOptions(true, "jpn", Duration.ofMinutes(2), 50L * 1024 * 1024, 50, 300);
    }

    public IngestOptions withTimePerFile(Duration d) {
        return new IngestOptions(ocr, ocrLanguage, d, maxFileBytes, maxPages, ocrDpi);
    }

    public IngestOptions withMaxFileBytes(long bytes) {
        return new IngestOptions(ocr, ocrLanguage, timePerFile, bytes, maxPages, ocrDpi);
    }

    public IngestOptions withOcr(boolean on) {
        return new IngestOptions(on, ocrLanguage, timePerFile, maxFileBytes, maxPages, ocrDpi);
    }
}
