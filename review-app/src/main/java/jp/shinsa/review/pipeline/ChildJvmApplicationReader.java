package jp.shinsa.review.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads applications in child JVMs ({@link ReaderWorker}), so that a file that hangs a parser or
 * exhausts memory is killed with its process and the server's heap and threads are never touched.
 * A small pool of warm children is kept (at most {@code poolSize}, the review worker count); a child
 * is replaced after a kill, after a read it had to give up at its time bound (the parse may still be
 * running in it) and after {@code recycleAfterFiles} files.
 *
 * <p>One application goes to one child, which runs the ordinary {@code ApplicationReader} on it (so
 * undated statements still take the application's year). When the child dies (out of memory: it runs
 * with a heap of its own and {@code -XX:+ExitOnOutOfMemoryError}) or does not answer within its bound
 * (files × time per file + slack), it is killed with its descendants (Tesseract), and each file is
 * read again in a fresh child of its own: the files that kill their child or time out again become
 * unreadable documents with the reason, the others are read together as usual.
 * See docs/decisions/016-parsers-in-worker-processes.md.
 */
public final class ChildJvmApplicationReader implements ApplicationFilesReader {
    private static final Logger log = LoggerFactory.getLogger(ChildJvmApplicationReader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The exit code of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    /**
     * @param options           how files are read (the child's reader uses them as they are)
     * @param poolSize          children at most, one per concurrent read (the review worker count)
     * @param maxHeapMb         each child's {@code -Xmx}
     * @param recycleAfterFiles a child is replaced once it has read this many files (bounds leaks)
     * @param slack             added to files × time per file for the child's answer
     * @param startTimeout      the longest a child may take to start (JVM and reader)
     */
    public record Settings(IngestOptions options, int poolSize, int maxHeapMb, int recycleAfterFiles, Duration slack,
                           Duration startTimeout) {
        public Settings {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(slack, "slack");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (poolSize < 1 || maxHeapMb < 64 || recycleAfterFiles < 1) {
                throw new IllegalArgumentException("pool size ≥ 1, heap ≥ 64 MB, recycle after ≥ 1 file");
            }
        }

        /** 768 MB per child, replaced after 500 files, 10 s slack, 60 s to start. */
        public static Settings of(IngestOptions options, int poolSize) {
            return new Settings(options, poolSize, 768, 500, Duration.ofSeconds(10), Duration.ofSeconds(60));
        }

        public Settings withMaxHeapMb(int mb) {
            return new Settings(options, poolSize, mb, recycleAfterFiles, slack, startTimeout);
        }

        public Settings withRecycleAfterFiles(int files) {
            return new Settings(options, poolSize, maxHeapMb, files, slack, startTimeout);
        }

        public Settings withSlack(Duration d) {
            return new Settings(options, poolSize, maxHeapMb, recycleAfterFiles, d, startTimeout);
        }
    }

    private final Settings settings;
    private final List<String> command;
    private final Semaphore permits;
    private final Deque<Child> idle = new ArrayDeque<>();
    private final Set<Child> live = ConcurrentHashMap.newKeySet();
    private final List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Children launched as this JVM was: {@code java -jar shinsa.jar read-worker} or from its class path. */
    public ChildJvmApplicationReader(Settings settings) {
        this(settings, launch(System.getProperty("java.class.path"), "jp.shinsa.review.ShinsaMain"));
    }

    /** @param launch what follows the JVM options: {@code -jar JAR} or {@code -cp PATH MAIN} (tests use a main of their own) */
    ChildJvmApplicationReader(Settings settings, List<String> launch) {
        this.settings = Objects.requireNonNull(settings);
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.maxHeapMb() + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        c.addAll(launch);
        c.add(ReaderWorker.COMMAND);
        c.addAll(ReaderWorker.arguments(settings.options()));
        this.command = List.copyOf(c);
        this.permits = new Semaphore(settings.poolSize(), true);
        // A command ends with System.exit: its children go with it (a child also ends when its parent is gone).
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "shinsa-reader-children-stop"));
        // All started now, warm by the first reviews: start and warm-up take seconds on two busy cores.
        synchronized (idle) {
            for (int i = 0; i < settings.poolSize(); i++) {
                idle.push(start());
            }
        }
    }

    /**
     * How to start a child from this JVM's class path: a Spring Boot fat jar (one entry whose
     * manifest names a {@code Start-Class}) is run with {@code -jar}, its loader finding the nested
     * jars; anything else (Maven, an IDE, Surefire's manifest-only jar) with {@code -cp} and the main class.
     */
    static List<String> launch(String classPath, String mainClass) {
        String[] entries = classPath.split(java.io.File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar") && isBootJar(Path.of(entries[0]))) {
            return List.of("-jar", entries[0]);
        }
        return List.of("-cp", classPath, mainClass);
    }

    private static boolean isBootJar(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest() != null && j.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The command a child is started with (for logs and tests). */
    List<String> command() {
        return command;
    }

    /** Process ids of the children alive now. */
    List<Long> childPids() {
        return live.stream().filter(c -> c.process.isAlive()).map(c -> c.process.pid()).toList();
    }

    /** Process ids of every child started so far, alive or not. */
    List<Long> startedPids() {
        return List.copyOf(started);
    }

    @Override
    public ExtractedApplication read(String name, List<Path> files) {
        if (files.isEmpty()) {
            return new ExtractedApplication(name, List.of());
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return allUnreadable(name, files, "interrupted");
        }
        try {
            Child child = borrow();
            Answer a = child.read(name, files, bound(files.size()));
            if (a instanceof Answer.Read r) {
                giveBack(child, r.abandoned() == 0);
                return r.application();
            }
            child.kill();
            Answer.Failed failed = (Answer.Failed) a;
            if (failed.interrupted()) {
                replace();
                return allUnreadable(name, files, "interrupted");
            }
            if (files.size() == 1) {
                // the one file is the culprit: no second read
                log.warn("file {} of {} is unreadable in a child of its own: {}", files.get(0).getFileName(), name, failed.reason());
                replace();
                return allUnreadable(name, files, failed.reason());
            }
            log.warn("reading {} ({} files) in child {} failed: {}; reading each file alone", name, files.size(),
                    child.process.pid(), failed.reason());
            return oneByOne(name, files);
        } finally {
            permits.release();
        }
    }

    /** Each file in a fresh child; the ones that fail are unreadable, the rest are read again together. */
    private ExtractedApplication oneByOne(String name, List<Path> files) {
        ExtractedDocument[] docs = new ExtractedDocument[files.size()];
        List<Integer> good = new ArrayList<>();
        List<ExtractedDocument> alone = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Child fresh = start();
            Answer a = fresh.read(name, List.of(files.get(i)), bound(1));
            fresh.kill();
            if (a instanceof Answer.Read r) {
                good.add(i);
                alone.add(r.application().documents().get(0));
            } else {
                Answer.Failed f = (Answer.Failed) a;
                if (f.interrupted()) {
                    replace();
                    return allUnreadable(name, files, "interrupted");
                }
                log.warn("file {} of {} is unreadable in a child of its own: {}", files.get(i).getFileName(), name, f.reason());
                docs[i] = ExtractedDocument.unreadable(files.get(i).getFileName().toString(), f.reason());
            }
        }
        if (!good.isEmpty()) {
            // Together again, so that the application's statements share their year and applicant as usual.
            Child child = start();
            Answer a = child.read(name, good.stream().map(files::get).toList(), bound(good.size()));
            List<ExtractedDocument> together = alone;
            if (a instanceof Answer.Read r && r.application().documents().size() == good.size()) {
                together = r.application().documents();
                giveBack(child, r.abandoned() == 0);
            } else {
                child.kill();
                replace();
            }
            for (int k = 0; k < good.size(); k++) {
                docs[good.get(k)] = together.get(k);
            }
        } else {
            replace();
        }
        return new ExtractedApplication(name, Arrays.asList(docs));
    }

    private Duration bound(int files) {
        return settings.options().timePerFile().multipliedBy(files).plus(settings.slack());
    }

    private String timeoutReason() {
        return "reading took longer than " + settings.options().timePerFile().toSeconds() + " s";
    }

    private static ExtractedApplication allUnreadable(String name, List<Path> files, String reason) {
        return new ExtractedApplication(name, files.stream()
                .map(f -> ExtractedDocument.unreadable(f.getFileName().toString(), reason)).toList());
    }

    private Child borrow() {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                Child c = idle.pop();
                if (c.process.isAlive()) {
                    return c;
                }
                c.kill();
            }
        }
        return start();
    }

    private void giveBack(Child child, boolean healthy) {
        if (healthy && !closed && child.files < settings.recycleAfterFiles() && child.process.isAlive()) {
            synchronized (idle) {
                idle.push(child);
            }
            return;
        }
        child.kill();
        replace();
    }

    /** A warm child in place of one killed or retired (started now, ready by the next read). */
    private void replace() {
        if (closed) {
            return;
        }
        synchronized (idle) {
            if (idle.size() < settings.poolSize()) {
                idle.push(start());
            }
        }
    }

    private Child start() {
        try {
            Child c = new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            live.add(c);
            started.add(c.process.pid());
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the reading process " + command, e);
        }
    }

    /** Kills every child (and what they started). */
    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.clear();
        }
        for (Child c : List.copyOf(live)) {
            c.kill();
        }
    }

    /** What a child answered. */
    sealed interface Answer {
        record Read(ExtractedApplication application, int abandoned) implements Answer {
        }

        record Failed(String reason, boolean interrupted) implements Answer {
        }
    }

    /** One child process, its standard output read line by line by a thread of its own. */
    private final class Child {
        private static final String END = new String("end of output");
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread pump;
        private final OutputStream in;
        private boolean ready;
        private int files;

        Child(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            this.pump = Thread.ofPlatform().daemon().name("shinsa-reader-child-" + process.pid()).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("{")) {
                            lines.add(line);
                        } else if (!line.isBlank()) {
                            // the JVM's own last words (e.g. "Terminating due to java.lang.OutOfMemoryError")
                            log.warn("reading process {}: {}", process.pid(), line);
                        }
                    }
                } catch (IOException e) {
                    // killed: the end of its output
                } finally {
                    lines.add(END);
                }
            });
        }

        Answer read(String name, List<Path> paths, Duration bound) {
            try {
                if (!ready) {
                    String first = next(System.nanoTime() + settings.startTimeout().toNanos());
                    if (first == null || first == END || !first.contains("\"ready\"")) {
                        return died(first == null ? "did not start within " + settings.startTimeout().toSeconds() + " s" : "did not start");
                    }
                    ready = true;
                }
                ObjectNode request = JSON.createObjectNode();
                request.put("name", name);
                var array = request.putArray("files");
                paths.forEach(p -> array.add(p.toAbsolutePath().toString()));
                try {
                    in.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                } catch (IOException e) {
                    return died("closed its input");
                }
                files += paths.size();
                long until = System.nanoTime() + bound.toNanos();
                String header = next(until);
                if (header == null) {
                    return new Answer.Failed(timeoutReason(), false);
                }
                if (header == END) {
                    return died("ended");
                }
                JsonNode h = JSON.readTree(header);
                if (h.has("error")) {
                    return new Answer.Failed("the reading process failed: " + h.get("error").asString(), false);
                }
                String body = next(until);
                if (body == null) {
                    return new Answer.Failed(timeoutReason(), false);
                }
                if (body == END) {
                    return died("ended");
                }
                ExtractedApplication app = ExtractionJson.read(body);
                if (app.documents().size() != paths.size()) {
                    return new Answer.Failed("the reading process answered " + app.documents().size() + " documents for "
                            + paths.size() + " files", false);
                }
                return new Answer.Read(app, h.path("abandoned").asInt(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer.Failed("interrupted", true);
            } catch (RuntimeException e) {
                return new Answer.Failed("the reading process gave an answer that cannot be read: " + e.getClass().getSimpleName(), false);
            }
        }

        /** The next line before {@code until} (System.nanoTime), null when there is none by then. */
        private String next(long until) throws InterruptedException {
            long left = until - System.nanoTime();
            return left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
        }

        /** Why the process ended, once it has (its exit code). */
        private Answer died(String what) throws InterruptedException {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                return new Answer.Failed("the reading process " + what, false);
            }
            int code = process.exitValue();
            if (code == OUT_OF_MEMORY_EXIT) {
                return new Answer.Failed(String.format(Locale.ROOT, "reading ran out of memory (limit %d MB)", settings.maxHeapMb()), false);
            }
            return new Answer.Failed("the reading process stopped (exit code " + code + ")", false);
        }

        /** Kills the process and whatever it started; waits for both to be gone. */
        void kill() {
            live.remove(this);
            List<ProcessHandle> descendants = process.descendants().toList();
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
                for (ProcessHandle d : descendants) {
                    d.onExit().get(5, TimeUnit.SECONDS);
                }
                pump.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("a process started by reading process {} did not stop in time", process.pid());
            }
        }
    }
}
