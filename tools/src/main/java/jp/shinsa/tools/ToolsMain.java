package jp.shinsa.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.shinsa.review.ShinsaMain;
import jp.shinsa.review.cli.BenchCommand;
import jp.shinsa.review.cli.DemoPackagesCommand;
import jp.shinsa.review.cli.FuzzCommand;
import jp.shinsa.review.ops.LoadCommand;
import jp.shinsa.tools.bench.RatioBench;

/**
 * Entry point of the tools jar ({@code ./shinsa fuzz | load | bench | demo-packages}): developer
 * and operator tools that are not part of the product. The launcher runs this class on the product
 * jar's class path (docs/decisions/019-tools-module.md).
 */
public final class ToolsMain {

    private ToolsMain() {
    }

    public static void main(String[] args) {
        ShinsaMain.jaxpDefaults();
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        // Logs to standard error only, so standard output stays machine-readable.
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = switch (command) {
            case "demo-packages" -> DemoPackagesCommand.run(rest, out, err);
            case "bench" -> {
                try {
                    yield Arrays.asList(rest).contains("--stages") ? jp.shinsa.ingest.StageTimes.run(rest, out, err) : Arrays.asList(rest).contains("--ratio") ? RatioBench.run(rest, out, err) : BenchCommand.run(rest, out, err);
                } catch (Exception e) {
                    err.println("bench: " + e);
                    yield 1;
                }
            }
            case "fuzz" -> FuzzCommand.run(rest, out, err);
            case "load" -> LoadCommand.run(rest, out, err);
            default -> {
                err.println("unknown tool: " + command + " (tools: fuzz, load, bench, demo-packages; ./shinsa help)");
                yield 2;
            }
        };
        out.flush();
        System.exit(code);
    }
}
