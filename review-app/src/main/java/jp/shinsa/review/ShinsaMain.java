package jp.shinsa.review;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.shinsa.review.cli.ReviewCommand;
import jp.shinsa.review.cli.TrainRiskCli;
import jp.shinsa.review.ops.AuditVerifyCommand;
import jp.shinsa.review.ops.TokenCommand;
import jp.shinsa.review.pipeline.ReaderWorker;
import org.springframework.boot.SpringApplication;

/**
 * The one entry point of the packaged application ({@code ./shinsa}): {@code serve} starts the web
 * workbench; {@code review} and {@code train-risk} run without Spring so they start quickly and keep
 * standard output for their results (logs go to standard error).
 */
public final class ShinsaMain {

    private ShinsaMain() {
    }

    public static void main(String[] args) {
        jaxpDefaults();
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        if (!"serve".equals(command)) {
            // Command-line runs: logs to standard error only, so standard output stays machine-readable.
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = switch (command) {
            case "serve" -> {
                SpringApplication.run(ShinsaApplication.class, serveArgs(rest));
                yield -1;
            }
            case "review" -> new ReviewCommand().run(rest, out, err);
            case "train-risk" -> TrainRiskCli.run(rest, out, err);
            case "audit-verify" -> AuditVerifyCommand.run(rest, out, err);
            case "token" -> TokenCommand.run(rest, out, err);
            case "demo-packages", "bench", "fuzz", "load" -> {
                // Tools live in their own jar (tools module, docs/decisions/019-tools-module.md).
                err.println(command + " is a tool outside the product jar: run it as ./shinsa " + command);
                yield 2;
            }
            // not in the usage: the child process of the workbench's isolated reading (decision 016)
            case "read-worker" -> ReaderWorker.run(rest);
            case "help", "--help", "-h" -> {
                out.print(usage());
                yield 0;
            }
            default -> {
                err.println("unknown command: " + command);
                err.print(usage());
                yield 2;
            }
        };
        if (code >= 0) {
            out.flush();
            System.exit(code);
        }
    }

    /**
     * XMLBeans (POI's spreadsheet reading) asks JAXP for a new SAX parser factory for every XML part it
     * parses; without this property JAXP searches the whole class path (every nested jar of the fat
     * jar) for a provider each time — a fifth of the time of reading a workbook in the profile
     * (docs/benchmarks.md, Pipeline speed). No jar on the class path provides one, so the search ends
     * at the JDK's own parser, named here directly.
     */
    public static void jaxpDefaults() {
        if (System.getProperty("javax.xml.parsers.SAXParserFactory") == null) {
            System.setProperty("javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
        }
    }

    /** {@code serve --port N} becomes Spring's {@code --server.port=N}; other arguments pass through. */
    static String[] serveArgs(String[] rest) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < rest.length; i++) {
            if ("--port".equals(rest[i]) && i + 1 < rest.length) {
                out.add("--server.port=" + rest[++i]);
            } else if (rest[i].startsWith("--port=")) {
                out.add("--server.port=" + rest[i].substring("--port=".length()));
            } else {
                out.add(rest[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    static String usage() {
        return """
                Shinsa 審査 — AI-assisted review workbench for subsidy examiners

                usage:
                  ./shinsa serve [--port N]                                   start the web workbench (default port 8080)
                  ./shinsa review DIR [DIR...] [--program CODE] [--json]      review application folders
                  ./shinsa review --batch PARENT --out FILE.jsonl             review every sub-folder of PARENT, one JSON line each
                  ./shinsa train-risk --data FILE.(csv|arff) --label COLUMN [--folds 10] [--json]
                                                                              cross-validate and train a risk model
                  ./shinsa demo-packages --out PARENT [--count N]             write demo application folders (inputs for review)
                  ./shinsa bench [--apps N] [--dir PARENT] [--isolation on|off]
                                                                              measure the review pipeline (docs/benchmarks.md)
                  ./shinsa fuzz [--count 1000] [--seed S] [--only I] [--time-per-file 20] [--threads 2] [--out fuzz-out] [--keep-failures] [--isolation on|off]
                                                                              read mutated demo PDFs/XLSX/CSV; exit 1 on any crash or hang
                  ./shinsa test                                               run the test suite
                  ./shinsa audit-verify [--url JDBC_URL] [--data-dir DIR]     verify the audit log's hash chain (exit 1 when broken)
                  ./shinsa token create --name N --role R                     create an API token (shown once); also: token revoke --name N, token list
                  ./shinsa load --base URL --token T [--user U --password P] [--clients 50] [--seconds 60]
                                                                              concurrent reviewers against a running instance (scripts/load.sh)
                  ./shinsa help                                               this text

                The workbench keeps its data under ~/.shinsa (embedded PostgreSQL) unless
                SPRING_DATASOURCE_URL points at an external PostgreSQL; see README.md.
                """;
    }
}
