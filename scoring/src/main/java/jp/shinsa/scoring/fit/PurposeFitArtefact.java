package jp.shinsa.scoring.fit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained purpose-fit model as the registry stores it: metadata columns plus one opaque payload
 * (the past-grant index with its cached embeddings and the Weka classifier). {@link #toBytes()} and
 * {@link #fromBytes(byte[])} round-trip everything; {@link PurposeFitModel#load(PurposeFitArtefact)}
 * makes it usable. See docs/decisions/006-purpose-fit.md.
 *
 * @param version         recorded with every score, e.g. "fit-20261124-0812-3fa2c1d9"
 * @param algorithm       e.g. "weka.Logistic(14 similarity features; bge-small-zh-v15-q + kuromoji)"
 * @param trainingSha256  SHA-256 (hex) of the training past grants in canonical CSV form
 * @param trainingRows    number of past grants trained on
 * @param metrics         e.g. cvAucSeenTypes, cvAucUnseenTypes, cvHintAccuracy (cross-validated on the past grants)
 * @param createdAt       when it was built
 * @param payload         serialised index and classifier (opaque)
 */
public record PurposeFitArtefact(String version, String algorithm, String trainingSha256, int trainingRows,
                                 Map<String, Double> metrics, Instant createdAt, byte[] payload) {
    private static final int MAGIC = 0x53464954; // "SFIT"
    private static final int FORMAT = 1;

    public PurposeFitArtefact {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(trainingSha256, "trainingSha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payload, "payload");
        metrics = Map.copyOf(metrics);
    }

    /** Metadata and payload in one byte array (for a bytea column or a file). */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeUTF(algorithm);
            out.writeUTF(trainingSha256);
            out.writeInt(trainingRows);
            out.writeLong(createdAt.toEpochMilli());
            out.writeInt(metrics.size());
            for (Map.Entry<String, Double> e : new java.util.TreeMap<>(metrics).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PurposeFitArtefact fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a purpose-fit artefact");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported purpose-fit artefact format " + format);
            }
            String version = in.readUTF();
            String algorithm = in.readUTF();
            String sha = in.readUTF();
            int rows = in.readInt();
            Instant created = Instant.ofEpochMilli(in.readLong());
            int n = in.readInt();
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                metrics.put(in.readUTF(), in.readDouble());
            }
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            return new PurposeFitArtefact(version, algorithm, sha, rows, metrics, created, payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt purpose-fit artefact", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PurposeFitArtefact a && version.equals(a.version) && algorithm.equals(a.algorithm)
                && trainingSha256.equals(a.trainingSha256) && trainingRows == a.trainingRows
                && metrics.equals(a.metrics) && createdAt.equals(a.createdAt) && Arrays.equals(payload, a.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, trainingSha256, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "PurposeFitArtefact[" + version + ", " + algorithm + ", rows=" + trainingRows + ", metrics=" + metrics
                + ", " + payload.length + " bytes]";
    }
}
