package jp.shinsa.review.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reading process (test class path only) whose reader behaves as a hostile parser would before it
 * reads: on a file named {@code hang-…} it never returns and ignores interrupts; on one named
 * {@code oom-…} it allocates without bound. Other files are read by the real reader.
 */
public final class HostileReaderWorker {
    private HostileReaderWorker() {
    }

    public static void main(String[] args) {
        String[] options = Arrays.copyOfRange(args, 1, args.length); // args[0] is the "read-worker" command
        System.exit(ReaderWorker.run(options, reader -> (name, files) -> {
            for (Path f : files) {
                String file = f.getFileName().toString();
                if (file.startsWith("hang-")) {
                    while (true) {
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException ignored) {
                            // as a parser that does not check
                        }
                    }
                }
                if (file.startsWith("oom-")) {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 20]);
                    }
                }
            }
            return reader.read(name, files);
        }));
    }
}
