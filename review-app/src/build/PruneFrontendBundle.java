import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step (run by review-app's pom after Vaadin's build-frontend, with {@code java PruneFrontendBundle.java
 * <META-INF/VAADIN dir>}): deletes the files under {@code webapp/VAADIN/build/} that nothing the browser loads
 * refers to. Vaadin's published production bundle carries three builds of the same front end (its own build
 * output was not cleaned between them), and the bundle copied into the jar is all of it; only the build that
 * {@code index.html}, the service worker and {@code stats.json} name is ever served. What stays is what those
 * three name, directly or through the files they name; a precompressed {@code X.br} stays with its {@code X}.
 * Not part of the product (docs/decisions/019-tools-module.md).
 */
public final class PruneFrontendBundle {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]+\\.(?:js|css|mjs|json|woff2?|ttf|svg|png|wasm)");

    public static void main(String[] args) throws IOException {
        Path vaadin = Path.of(args[0]);
        Path build = vaadin.resolve("webapp/VAADIN/build");
        if (!Files.isDirectory(build)) {
            System.out.println("PruneFrontendBundle: no " + build + ", nothing to prune");
            return;
        }
        Set<String> present = new HashSet<>();
        try (Stream<Path> s = Files.list(build)) {
            s.filter(Files::isRegularFile).forEach(p -> present.add(p.getFileName().toString()));
        }
        Set<String> kept = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path root : List.of(vaadin.resolve("webapp/index.html"), vaadin.resolve("webapp/sw.js"),
                vaadin.resolve("config/stats.json"))) {
            if (Files.isRegularFile(root)) {
                todo.add(root);
            }
        }
        if (todo.isEmpty()) {
            throw new IllegalStateException("no index.html, sw.js or stats.json under " + vaadin + ": refusing to prune");
        }
        while (!todo.isEmpty()) {
            String text = new String(Files.readAllBytes(todo.poll()), StandardCharsets.ISO_8859_1);
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                String name = m.group();
                if (present.contains(name) && kept.add(name)) {
                    todo.add(build.resolve(name));
                }
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("nothing under " + build + " is referred to: refusing to prune");
        }
        long bytes = 0;
        int files = 0;
        for (String name : present) {
            String base = name.endsWith(".br") || name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
            if (!kept.contains(name) && !kept.contains(base)) {
                Path p = build.resolve(name);
                bytes += Files.size(p);
                files++;
                Files.delete(p);
            }
        }
        System.out.printf("PruneFrontendBundle: kept %d files, deleted %d unreferenced (%d KB)%n",
                present.size() - files, files, bytes >> 10);
    }
}
