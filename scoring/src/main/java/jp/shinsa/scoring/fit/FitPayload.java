package jp.shinsa.scoring.fit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import weka.classifiers.Classifier;
import weka.core.Instances;

/** The opaque part of a {@link PurposeFitArtefact}: index, classifier and hint thresholds. */
final class FitPayload implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    final FitIndex index;
    final Classifier classifier;
    final Instances header;
    final double fitAt;
    final double unfitAt;

    FitPayload(FitIndex index, Classifier classifier, Instances header, double fitAt, double unfitAt) {
        this.index = index;
        this.classifier = classifier;
        this.header = header;
        this.fitAt = fitAt;
        this.unfitAt = unfitAt;
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static FitPayload fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            return (FitPayload) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("unreadable purpose-fit payload", e);
        }
    }
}
