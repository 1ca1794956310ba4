package jp.shinsa.scoring.corpus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.shinsa.models.Applicant;
import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.SubsidyRequest;

/**
 * Development aid, not a fixture: turns the acceptance corpus' truth files
 * ({@code ../shared/corpus/dev/truth}) into {@link ExtractedApplication}s as a perfect extractor
 * would give them, so the checks and scores can be measured apart from extraction. Quote lines are
 * not in the truth, so quotes carry no items here. Tests that use it must skip when the corpus is
 * absent (a fresh clone has no ../shared).
 */
public final class TruthCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthCorpus() {
    }

    /** The dev corpus directory if it is beside the checkout, walking up from the working directory. */
    public static Optional<Path> locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/corpus/dev");
            if (Files.isDirectory(c.resolve("truth"))) {
                return Optional.of(c);
            }
            Path sibling = p.resolveSibling("shared/corpus/dev");
            if (Files.isDirectory(sibling.resolve("truth"))) {
                return Optional.of(sibling);
            }
        }
        return Optional.empty();
    }

    public record Case(ExtractedApplication application, JsonNode truth) {
    }

    public static List<Case> load(Path corpus) {
        try (Stream<Path> files = Files.list(corpus.resolve("truth"))) {
            List<Case> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode t = JSON.readTree(f.toFile());
                out.add(new Case(toApplication(t), t));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExtractedApplication toApplication(JsonNode t) {
        List<ExtractedDocument> docs = new ArrayList<>();
        JsonNode applicantNode = t.path("applicant");
        Applicant applicant = new Applicant(text(applicantNode, "corp"), text(applicantNode, "facility"),
                text(applicantNode, "address"), applicantNode.has("beds") ? applicantNode.get("beds").asInt() : null);
        for (Map.Entry<String, JsonNode> e : t.path("documents").properties()) {
            String file = e.getKey();
            DocumentType type = DocumentType.valueOf(e.getValue().asString());
            JsonNode meta = t.path("fileMeta").path(file);
            String unreadable = meta.path("unreadable").isNull() || meta.path("unreadable").isMissingNode()
                    ? null : meta.path("unreadable").asString();
            if (unreadable != null) {
                docs.add(ExtractedDocument.unreadable(file, unreadable));
                continue;
            }
            long unit = meta.path("unit").isNumber() ? meta.path("unit").asLong() : 1;
            List<Figure> figures = new ArrayList<>();
            for (JsonNode f : t.path("figures")) {
                if (file.equals(f.path("file").asString())) {
                    figures.add(new Figure(file, type, f.path("account").asString(), f.path("fiscalYear").asInt(),
                            f.path("value").asLong(), "", unit, 1.0, SourceLocation.ofFile(file)));
                }
            }
            List<ComparisonDelta> deltas = new ArrayList<>();
            for (JsonNode d : t.path("comparisonDeltas")) {
                if (file.equals(d.path("file").asString())) {
                    deltas.add(new ComparisonDelta(file, d.path("account").asString(), d.path("value").asLong(), unit,
                            SourceLocation.ofFile(file)));
                }
            }
            List<RequestedItem> items = new ArrayList<>();
            SubsidyRequest subsidy = null;
            String program = null;
            if (type == DocumentType.APPLICATION_FORM) {
                for (JsonNode i : t.path("items")) {
                    items.add(new RequestedItem(i.path("no").asInt(), i.path("name").asString(), text(i, "spec"),
                            text(i, "maker"), i.path("quantity").asLong(), i.path("unitPrice").asLong(),
                            i.path("amount").asLong(), text(i, "purpose"), SourceLocation.ofFile(file)));
                }
                JsonNode s = t.path("subsidy");
                subsidy = new SubsidyRequest(s.path("total").asLong(), s.path("cap").asLong(), text(s, "rate"),
                        s.path("requested").asLong(), SourceLocation.ofFile(file));
                program = text(t, "program");
            }
            docs.add(new ExtractedDocument(file, type, 1, meta.path("scanned").asBoolean(false), null, unit, figures,
                    deltas, items, subsidy, program, applicant, List.of(), ""));
        }
        return new ExtractedApplication(t.path("application").asString(), docs);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
