package jp.shinsa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jp.shinsa.ingest.extract.AccountMatcher;
import jp.shinsa.ingest.extract.FormExtractor;
import jp.shinsa.ingest.extract.StatementExtractor;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import jp.shinsa.models.Applicant;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SubsidyRequest;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Reads an application package: every file is detected (Tika), read into positioned lines (PDFBox
 * text positions, Tesseract OCR for image-only pages, POI cells, commons-csv), classified by its
 * content and mined for figures, items and the subsidy block. A file that cannot be read becomes an
 * unreadable document with a short reason; each file is read under a time bound, so one hostile file
 * never stops the rest of the application.
 */
public final class ApplicationReader implements ApplicationFilesReader {
    /** Longest text kept per document (used later for purpose fit from catalogues). */
    static final int MAX_TEXT = 200_000;

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // Decompression bombs: POI refuses entries inflating more than 100× or beyond the size cap.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    private final IngestOptions options;
    private final LearnedMappings learned;
    private final FileLayoutReader layouts;
    private final DocumentClassifier classifier = new DocumentClassifier();
    private final StatementExtractor statements;
    private final FormExtractor forms = new FormExtractor();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        // A big stack: deeply nested files fail with a clean StackOverflowError, caught below.
        Thread t = new Thread(null, r, "shinsa-ingest-" + THREADS.incrementAndGet(), 16L * 1024 * 1024);
        t.setDaemon(true);
        return t;
    });

    public ApplicationReader() {
        this(IngestOptions.defaults());
    }

    public ApplicationReader(IngestOptions options) {
        this(options, LearnedMappings.none());
    }

    /** @param learned row wordings examiners taught, applied before the reader's own mapping */
    public ApplicationReader(IngestOptions options, LearnedMappings learned) {
        this.options = options;
        this.learned = java.util.Objects.requireNonNull(learned, "learned");
        this.statements = new StatementExtractor(new AccountMatcher());
        this.layouts = new FileLayoutReader(options, options.ocr() ? new TikaTesseractOcr(options.ocrLanguage(),
                (int) Math.max(10, options.timePerFile().toSeconds())) : null);
    }

    /** Stops the reading threads (a timed-out parse may still be running in one). */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * Files whose read was given up at the time bound so far: their parse may still be running on a
     * thread Java cannot stop. A worker process that reports any is replaced (decision 016).
     */
    public int abandonedReads() {
        return abandoned.get();
    }

    /** Files from anywhere (an upload's temp dir) under a display name. */
    @Override
    public ExtractedApplication read(String name, List<Path> files) {
        List<ExtractedDocument> docs = new ArrayList<>();
        java.util.Map<Integer, DocumentLayout> undated = new java.util.HashMap<>();
        Integer appYear = null;
        for (Read r : readAll(files)) {
            docs.add(r.document());
            if (r.layout() != null && isStatement(r.document().type())) {
                if (r.ownYear() == null) {
                    undated.put(docs.size() - 1, r.layout());
                } else if (r.document().type() == DocumentType.FINANCIAL_STATEMENTS || appYear == null) {
                    appYear = appYear == null ? r.ownYear() : Math.max(appYear, r.ownYear());
                }
            }
        }
        // A statement that names no year takes the year of the application's other statements.
        if (appYear != null) {
            for (var e : undated.entrySet()) {
                ExtractedDocument d = docs.get(e.getKey());
                docs.set(e.getKey(), analyse(d.file(), e.getValue(), appYear).document());
            }
        }
        // the input sheet is read again with the figures of the statements it copies as evidence
        docs = jp.shinsa.ingest.spread.StatementSpreader.remapApplication(docs, d -> learned, d -> false);
        return new ExtractedApplication(name, withApplicant(docs));
    }

    /**
     * One applicant for the package: the application form's, completed from the other documents
     * (an input sheet names 法人名 and 施設名 but not the address). Documents that named the applicant
     * carry the merged one, so {@link ExtractedApplication#applicant()} does not depend on file order.
     */
    static List<ExtractedDocument> withApplicant(List<ExtractedDocument> docs) {
        List<Applicant> found = new ArrayList<>();
        docs.stream().filter(d -> d.type() == DocumentType.APPLICATION_FORM).map(ExtractedDocument::applicant).forEach(found::add);
        docs.stream().filter(d -> d.type() != DocumentType.APPLICATION_FORM).map(ExtractedDocument::applicant).forEach(found::add);
        String corp = null;
        String facility = null;
        String address = null;
        Integer beds = null;
        for (Applicant a : found) {
            corp = corp != null ? corp : a.corporation();
            facility = facility != null ? facility : a.facility();
            address = address != null ? address : a.address();
            beds = beds != null ? beds : a.beds();
        }
        Applicant merged = new Applicant(corp, facility, address, beds);
        List<ExtractedDocument> out = new ArrayList<>();
        for (ExtractedDocument d : docs) {
            Applicant a = d.applicant();
            if (a.corporation() == null && a.facility() == null) {
                out.add(d);
            } else {
                out.add(new ExtractedDocument(d.file(), d.type(), d.pages(), d.ocr(), d.error(), d.unit(), d.figures(),
                        d.comparisonDeltas(), d.items(), d.subsidy(), d.program(), merged, d.unmappedRows(), d.text(),
                        d.rows()));
            }
        }
        return out;
    }

    public ExtractedDocument readFile(Path file) {
        return readTimed(file).document();
    }

    private static boolean isStatement(DocumentType t) {
        return t == DocumentType.FINANCIAL_STATEMENTS || t == DocumentType.INPUT_SHEET || t == DocumentType.BS_COMPARISON;
    }

    /** A read document with the layout it came from and the fiscal year it names itself (null if none). */
    record Read(ExtractedDocument document, DocumentLayout layout, Integer ownYear) {
        static Read failed(String name, String reason) {
            return new Read(ExtractedDocument.unreadable(name, reason), null, null);
        }
    }

    /** Why a file is not read at all (empty, too large, cannot be opened), or null to read it. */
    private Read refused(Path file, String name) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                return Read.failed(name, "empty file");
            }
            if (size > options.maxFileBytes()) {
                return Read.failed(name, String.format(Locale.ROOT, "file too large (%.1f MB, limit %.1f MB)",
                        size / 1048576.0, options.maxFileBytes() / 1048576.0));
            }
        } catch (IOException e) {
            return Read.failed(name, "cannot open file: " + e.getClass().getSimpleName());
        }
        return null;
    }

    /**
     * Every file of an application, in order, each under its own time bound. The files are read one
     * after another by one pool thread (a task per application, not per file): handing every file
     * to a thread and waiting for it cost a thread wake-up each way per file, which on a busy
     * machine took as long as reading a small file. A file that takes longer than the bound is
     * reported, its thread abandoned to it, and the files after it go to a new task.
     */
    private List<Read> readAll(List<Path> files) {
        Read[] out = new Read[files.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = refused(files.get(i), files.get(i).getFileName().toString());
        }
        int next = 0;
        while (next < out.length) {
            while (next < out.length && out[next] != null) {
                next++;
            }
            if (next == out.length) {
                break;
            }
            Batch batch = new Batch(files, out, next);
            Future<?> task = pool.submit(batch);
            int i = next;
            for (; i < out.length; i++) {
                if (out[i] != null) {
                    continue;
                }
                String name = files.get(i).getFileName().toString();
                try {
                    out[i] = batch.await(i, options.timePerFile().toNanos());
                } catch (TimeoutException e) {
                    batch.stop();
                    task.cancel(true);
                    abandoned.incrementAndGet();
                    out[i] = Read.failed(name, "reading took longer than " + options.timePerFile().toSeconds() + " s");
                    break;
                } catch (ExecutionException e) {
                    out[i] = Read.failed(name, FileLayoutReader.reason(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    batch.stop();
                    task.cancel(true);
                    for (int j = i; j < out.length; j++) {
                        out[j] = out[j] != null ? out[j] : Read.failed(files.get(j).getFileName().toString(), "interrupted");
                    }
                    return List.of(out);
                }
            }
            next = i + 1;
        }
        return List.of(out);
    }

    /**
     * The files of an application from {@code from} on, read one after another on one pool thread;
     * the files already decided ({@code decided[i] != null}) are skipped. Each file's read starts its
     * own clock: the first when the task is handed over, the next when the one before it ends.
     */
    private final class Batch implements Runnable {
        private final List<Path> files;
        private final List<java.util.concurrent.CompletableFuture<Read>> results = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicLongArray started;
        private final boolean[] skip;
        private final int from;
        private volatile boolean stopped;

        Batch(List<Path> files, Read[] decided, int from) {
            this.files = files;
            this.from = from;
            this.started = new java.util.concurrent.atomic.AtomicLongArray(files.size());
            this.skip = new boolean[files.size()];
            for (int i = 0; i < files.size(); i++) {
                results.add(new java.util.concurrent.CompletableFuture<>());
                skip[i] = decided[i] != null;
            }
            started.set(from, System.nanoTime());
        }

        @Override
        public void run() {
            int i = from;
            while (i < files.size() && !stopped) {
                int at = i;
                int following = at + 1;
                while (following < files.size() && skip[following]) {
                    following++;
                }
                Path file = files.get(at);
                Read r = null;
                Throwable failed = null;
                try {
                    r = readNow(file, file.getFileName().toString());
                } catch (Throwable t) {
                    failed = t;
                }
                if (following < files.size()) {
                    // before the result is published: the caller's clock for the next file starts now
                    started.set(following, System.nanoTime());
                }
                if (failed == null) {
                    results.get(at).complete(r);
                } else {
                    results.get(at).completeExceptionally(failed);
                }
                i = following;
            }
        }

        /** The read of file {@code i}, waiting at most {@code bound} nanoseconds from the start of its read. */
        Read await(int i, long bound) throws TimeoutException, ExecutionException, InterruptedException {
            var result = results.get(i);
            while (true) {
                long start = started.get(i);
                long now = System.nanoTime();
                long left = start == 0 ? bound : start + bound - now;
                if (left <= 0 && !result.isDone()) {
                    throw new TimeoutException();
                }
                try {
                    return result.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (start != 0) {
                        throw e;
                    }
                    // not started yet when the wait began (the file before it ended meanwhile): wait from its start
                }
            }
        }

        void stop() {
            stopped = true;
        }
    }

    private Read readTimed(Path file) {
        String name = file.getFileName().toString();
        Read refused = refused(file, name);
        if (refused != null) {
            return refused;
        }
        Future<Read> f = pool.submit(() -> readNow(file, name));
        try {
            return f.get(options.timePerFile().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            abandoned.incrementAndGet();
            return Read.failed(name, "reading took longer than " + options.timePerFile().toSeconds() + " s");
        } catch (ExecutionException e) {
            return Read.failed(name, FileLayoutReader.reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return Read.failed(name, "interrupted");
        }
    }

    private Read readNow(Path file, String name) {
        DocumentLayout layout;
        try {
            layout = layouts.read(file, name);
        } catch (UnreadableException e) {
            return Read.failed(name, e.getMessage());
        } catch (Throwable t) {
            return Read.failed(name, FileLayoutReader.reason(t));
        }
        try {
            return analyse(name, layout, null);
        } catch (RuntimeException | StackOverflowError e) {
            return Read.failed(name, "cannot interpret content: " + FileLayoutReader.shortMessage(e));
        }
    }

    /** Classification and extraction on a read layout (public for tools that build layouts themselves). */
    Read analyse(String name, DocumentLayout layout, Integer fallbackYear) {
        String text = layout.text().length() > MAX_TEXT ? layout.text().substring(0, MAX_TEXT) : layout.text();
        DocumentType type = classifier.classify(text);
        long unit = 1;
        var figures = List.<jp.shinsa.models.Figure>of();
        var deltas = List.<jp.shinsa.models.ComparisonDelta>of();
        var unmapped = List.<jp.shinsa.models.UnmappedRow>of();
        var rows = List.<jp.shinsa.models.StatementRow>of();
        List<RequestedItem> items = List.of();
        SubsidyRequest subsidy = null;
        String program = null;
        Applicant applicant = null;
        Integer ownYear = null;
        switch (type) {
            case FINANCIAL_STATEMENTS, INPUT_SHEET, BS_COMPARISON -> {
                StatementExtractor.Result r = statements.extract(name, type, layout, fallbackYear);
                ownYear = r.fiscalYear();
                rows = r.rows();
                unit = r.unit();
                applicant = forms.applicant(layout);
            }
            case APPLICATION_FORM -> {
                items = forms.items(layout);
                subsidy = forms.subsidy(layout);
                program = forms.program(layout);
                applicant = forms.applicant(layout);
            }
            case QUOTE -> items = forms.items(layout);
            default -> {
            }
        }
        ExtractedDocument doc = new ExtractedDocument(name, type, layout.pages(), layout.ocr(), null, unit, figures, deltas,
                items, subsidy, program, applicant, unmapped, text, rows);
        // a scanned statement: OCR's one-character slips chosen between by its arithmetic
        return new Read(ScanArithmetic.proofread(StatementSpreader.remap(doc, learned), learned), layout, ownYear);
    }
}
