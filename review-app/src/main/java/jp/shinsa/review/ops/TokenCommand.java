package jp.shinsa.review.ops;

import java.io.PrintStream;
import java.util.Map;
import jp.shinsa.review.api.ApiToken;
import jp.shinsa.review.api.ApiTokenService;
import jp.shinsa.review.api.NewApiToken;

/**
 * {@code ./shinsa token create --name N --role R | revoke --name N | list} for the operator who holds
 * the database. The token is printed once, on standard output; only its SHA-256 is stored.
 */
public final class TokenCommand {
    static final String USAGE = """
            usage: ./shinsa token create --name NAME --role EXAMINER|SUPERVISOR|ADMIN [--url JDBC_URL] [--data-dir DIR]
                   ./shinsa token revoke --name NAME [--url JDBC_URL] [--data-dir DIR]
                   ./shinsa token list [--url JDBC_URL] [--data-dir DIR]""";

    private TokenCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> o;
        try {
            o = OpsDatabase.options(args, 1);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String actor = "operator:" + System.getProperty("user.name", "unknown");
        actor = actor.length() > 64 ? actor.substring(0, 64) : actor;
        try (OpsDatabase db = OpsDatabase.open(o, env)) {
            db.migrate();
            ApiTokenService tokens = db.bean(ApiTokenService.class);
            switch (args[0]) {
                case "create" -> {
                    if (!o.containsKey("name") || !o.containsKey("role")) {
                        err.println(USAGE);
                        return 2;
                    }
                    NewApiToken t = tokens.createAsOperator(actor, o.get("name"), o.get("role"));
                    err.println("token " + t.token().name() + " (" + t.token().role()
                            + ") created; it is shown once, keep it now:");
                    out.println(t.secret());
                }
                case "revoke" -> {
                    if (!o.containsKey("name")) {
                        err.println(USAGE);
                        return 2;
                    }
                    tokens.revokeAsOperator(actor, o.get("name"));
                    out.println("revoked " + o.get("name"));
                }
                case "list" -> {
                    for (ApiToken t : tokens.listAsOperator()) {
                        out.println(t.name() + "\t" + t.role() + "\t" + t.createdBy() + "\t" + t.createdAt()
                                + "\t" + (t.active() ? "active" : "revoked " + t.revokedAt()));
                    }
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("cannot reach the database: " + e.getMessage());
            return 2;
        }
    }
}
