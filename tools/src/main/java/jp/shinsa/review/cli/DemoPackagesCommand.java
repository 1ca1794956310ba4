package jp.shinsa.review.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;

/** {@code ./shinsa demo-packages --out PARENT [--count N]}: the demo applications as folders, to try the CLI on. */
public final class DemoPackagesCommand {
    private DemoPackagesCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path parent = null;
        int count = 12;
        for (int i = 0; i < args.length; i++) {
            if ("--out".equals(args[i]) && i + 1 < args.length) {
                parent = Path.of(args[++i]);
            } else if ("--count".equals(args[i]) && i + 1 < args.length) {
                count = Integer.parseInt(args[++i]);
            } else {
                parent = null;
                break;
            }
        }
        if (parent == null) {
            err.println("usage: ./shinsa demo-packages --out PARENT [--count N]");
            return 2;
        }
        try {
            DemoPackageGenerator generator = new DemoPackageGenerator();
            for (int i = 0; i < count; i++) {
                DemoPackageGenerator.DemoPackage p = generator.generate(i);
                Path folder = Files.createDirectories(parent.resolve(p.name()));
                for (UploadedFile f : p.files()) {
                    Files.write(folder.resolve(f.fileName()), f.content());
                }
                out.println(folder + (p.planted() == null ? "" : "  (planted: " + p.planted() + ")"));
            }
            return 0;
        } catch (IOException e) {
            err.println("demo-packages: " + e.getMessage());
            return 1;
        }
    }
}
