package jp.shinsa.review.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns what was uploaded (files, or a ZIP of an application package) into the files of one
 * application, within limits: a file too large, a package with too many files, a ZIP that expands
 * too much (a bomb), entries with path separators or "..", nested archives — each is refused or
 * reported with a clear reason, and nothing is ever written outside memory here.
 */
public final class PackageUnpacker {

    /** The bounds of one application package. */
    public record Limits(long maxFileBytes, long maxTotalBytes, int maxFiles, double maxCompressionRatio) {
        public static final Limits DEFAULT = new Limits(50L << 20, 200L << 20, 100, 200);
    }

    /** What was accepted, and what was rejected with the reason. */
    public record Result(List<UploadedFile> files, List<Rejected> rejected) {
    }

    /**
     * Why a file was refused. The English pattern is what the API reports; the UI shows the message
     * {@link #key()} of its own bundle instead, with the same argument {0}.
     */
    public enum Reason {
        FILE_TOO_LARGE("file larger than {0} MB"),
        UNPACKED_TOO_LARGE("file larger than {0} MB when unpacked"),
        TOO_MANY_FILES("too many files in one application (limit {0})"),
        APPLICATION_TOO_LARGE("application larger than {0} MB"),
        UNSAFE_PATH("ZIP entry with an unsafe path: {0}"),
        NESTED_ARCHIVE("nested archive inside a ZIP is not accepted"),
        ZIP_BOMB("ZIP expands too much (possible ZIP bomb); unpacking stopped"),
        TOO_MANY_ENTRIES("ZIP has too many entries"),
        UNREADABLE_NAMES("unreadable ZIP entry names"),
        CORRUPT_ZIP("corrupt ZIP: {0}");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        /** The message key of this reason in the UI's bundles ({@code messages_*.properties}). */
        public String key() {
            return "upload.reason." + name();
        }
    }

    /**
     * One refused file: its name made safe to show ({@link FileNames#safe}), why, and the argument of
     * the reason (a limit, or the offending entry path with control characters replaced), or "".
     */
    public record Rejected(String name, Reason why, String detail) {
        public Rejected {
            java.util.Objects.requireNonNull(why, "why");
            detail = detail == null ? "" : detail;
        }

        /** The reason in English, as the API reports it. */
        public String reason() {
            return why.english.replace("{0}", detail);
        }
    }

    private final Limits limits;

    public PackageUnpacker(Limits limits) {
        this.limits = limits;
    }

    public PackageUnpacker() {
        this(Limits.DEFAULT);
    }

    public Result unpack(List<UploadedFile> uploads) {
        List<UploadedFile> files = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        long[] total = {0};
        for (UploadedFile u : uploads) {
            if (isZip(u)) {
                unzip(u, files, rejected, total);
            } else {
                accept(u, files, rejected, total);
            }
        }
        return new Result(files, rejected);
    }

    private void accept(UploadedFile f, List<UploadedFile> files, List<Rejected> rejected, long[] total) {
        String name = FileNames.safe(f.fileName());
        if (f.content().length > limits.maxFileBytes()) {
            rejected.add(new Rejected(name, Reason.FILE_TOO_LARGE, mb(limits.maxFileBytes())));
        } else if (files.size() >= limits.maxFiles()) {
            rejected.add(new Rejected(name, Reason.TOO_MANY_FILES, String.valueOf(limits.maxFiles())));
        } else if (total[0] + f.content().length > limits.maxTotalBytes()) {
            rejected.add(new Rejected(name, Reason.APPLICATION_TOO_LARGE, mb(limits.maxTotalBytes())));
        } else {
            total[0] += f.content().length;
            files.add(new UploadedFile(name, f.contentType(), f.content()));
        }
    }

    private void unzip(UploadedFile zip, List<UploadedFile> files, List<Rejected> rejected, long[] total) {
        int filesBefore = files.size();
        int rejectedBefore = rejected.size();
        long totalBefore = total[0];
        if (!unzip(zip, files, rejected, total, StandardCharsets.UTF_8)) {
            // ZIPs made on Japanese Windows name their entries in Shift_JIS (MS932), not UTF-8.
            files.subList(filesBefore, files.size()).clear();
            rejected.subList(rejectedBefore, rejected.size()).clear();
            total[0] = totalBefore;
            if (!unzip(zip, files, rejected, total, Charset.forName("MS932"))) {
                rejected.add(new Rejected(FileNames.safe(zip.fileName()), Reason.UNREADABLE_NAMES, null));
            }
        }
    }

    /** False when the entry names cannot be decoded in {@code names}; everything else is reported in place. */
    private boolean unzip(UploadedFile zip, List<UploadedFile> files, List<Rejected> rejected, long[] total,
                          Charset names) {
        String zipName = FileNames.safe(zip.fileName());
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.content()), names)) {
            long expanded = 0;
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (++entries > limits.maxFiles() * 10) {
                    rejected.add(new Rejected(zipName, Reason.TOO_MANY_ENTRIES, null));
                    return true;
                }
                if (e.isDirectory()) {
                    continue;
                }
                String raw = e.getName();
                String base = FileNames.safe(raw);
                if (raw.contains("..") || raw.startsWith("/") || raw.startsWith("\\") || raw.matches("^[A-Za-z]:.*")) {
                    rejected.add(new Rejected(base, Reason.UNSAFE_PATH, printable(raw)));
                    continue;
                }
                if (base.startsWith("__MACOSX") || raw.contains("__MACOSX/") || base.equals(".DS_Store")) {
                    continue;
                }
                java.util.Optional<byte[]> read = readAtMost(in, limits.maxFileBytes());
                if (read.isEmpty()) {
                    rejected.add(new Rejected(base, Reason.UNPACKED_TOO_LARGE, mb(limits.maxFileBytes())));
                    continue;
                }
                byte[] content = read.get();
                expanded += content.length;
                if (expanded > limits.maxTotalBytes()
                        || expanded > Math.max(1 << 20, zip.content().length * limits.maxCompressionRatio())) {
                    rejected.add(new Rejected(zipName, Reason.ZIP_BOMB, null));
                    return true;
                }
                UploadedFile f = new UploadedFile(base, null, content);
                if (isZip(f)) {
                    rejected.add(new Rejected(base, Reason.NESTED_ARCHIVE, null));
                    continue;
                }
                accept(f, files, rejected, total);
            }
        } catch (IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("bad entry name")) {
                return false;
            }
            rejected.add(new Rejected(zipName, Reason.CORRUPT_ZIP, printable(String.valueOf(e.getMessage()))));
        }
        return true;
    }

    /** Reads a stream to its end unless it holds more than {@code max} bytes: then empty, having read max + 1. */
    public static java.util.Optional<byte[]> readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            n += r;
            if (n > max) {
                return java.util.Optional.empty();
            }
            out.write(buf, 0, r);
        }
        return java.util.Optional.of(out.toByteArray());
    }

    static boolean isZip(UploadedFile f) {
        byte[] c = f.content();
        boolean magic = c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
        String n = f.fileName().toLowerCase(Locale.ROOT);
        // XLSX and DOCX are ZIPs too: only a file named .zip is an archive of files.
        return magic && n.endsWith(".zip");
    }

    /** Control and format characters (a right-to-left override can disguise a name) shown as "?". */
    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
    }

    /** A limit in whole megabytes, as the reasons state it. */
    private static String mb(long bytes) {
        return String.valueOf(bytes >> 20);
    }

    /** A file name as the user gave it, made safe to store and to show (no path, no control characters). */
    public static String safeName(String name) {
        return FileNames.safe(name);
    }
}
