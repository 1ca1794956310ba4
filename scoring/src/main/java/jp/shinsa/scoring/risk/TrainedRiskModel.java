package jp.shinsa.scoring.risk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained risk model as a registry stores it: {@link #metadata()} for the columns, {@link
 * #toBytes()} for the blob; {@link #fromBytes(byte[])} and {@link RiskModels#load(byte[])} restore it.
 *
 * <p>Byte format (version 1): magic "SHINSA-RISK", the metadata as UTF-8 JSON (length-prefixed),
 * then the learner's own bytes (length-prefixed): XGBoost's UBJSON model, or a serialised Weka
 * classifier. The JSON is readable with any tool; the learner bytes need the same library major
 * version to load.
 */
public record TrainedRiskModel(RiskModelMetadata metadata, byte[] learner) {
    private static final String MAGIC = "SHINSA-RISK";
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public TrainedRiskModel {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(learner, "learner");
        learner = learner.clone();
    }

    @Override
    public byte[] learner() {
        return learner.clone();
    }

    public String version() {
        return metadata.version();
    }

    public Algorithm algorithm() {
        return Algorithm.ofCode(metadata.algorithm());
    }

    /** The same model under another version name (a registry that numbers versions itself). */
    public TrainedRiskModel withVersion(String version) {
        return new TrainedRiskModel(metadata.withVersion(version), learner);
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            byte[] json = JSON.writeValueAsBytes(metadata);
            out.writeInt(json.length);
            out.write(json);
            out.writeInt(learner.length);
            out.write(learner);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrainedRiskModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IllegalArgumentException("not a Shinsa risk model");
            }
            byte[] json = in.readNBytes(in.readInt());
            byte[] learner = in.readNBytes(in.readInt());
            RiskModelMetadata m = JSON.readValue(json, RiskModelMetadata.class);
            if (m.formatVersion() > RiskModelMetadata.FORMAT_VERSION) {
                throw new IllegalArgumentException("risk model format " + m.formatVersion() + " is newer than this build");
            }
            return new TrainedRiskModel(m, learner);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Shinsa risk model: " + e.getMessage(), e);
        }
    }

    /** The metadata as JSON, e.g. for a registry's jsonb column. */
    public String metadataJson() {
        return new String(JSON.writeValueAsBytes(metadata), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainedRiskModel t && metadata.equals(t.metadata) && Arrays.equals(learner, t.learner);
    }

    @Override
    public int hashCode() {
        return 31 * metadata.hashCode() + Arrays.hashCode(learner);
    }

    @Override
    public String toString() {
        return "TrainedRiskModel[" + metadata.version() + ", " + metadata.algorithm() + ", " + learner.length + " bytes]";
    }
}
