package jp.shinsa.review.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Finding;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.RiskFactor;
import jp.shinsa.models.SimilarGrant;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.SubsidyRequest;
import jp.shinsa.models.Text;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link ApplicationReview} as the review contract's JSON object (schema version 1,
 * shared/spec/review-contract.md). Contract fields keep their names and meaning; a few additions
 * (English texts, sheet and cell, text boxes) are extra fields that readers of the contract ignore.
 */
public final class ContractJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractJson() {
    }

    public static String toJsonLine(ApplicationReview review) {
        return JSON.writeValueAsString(toNode(review));
    }

    public static String toPrettyJson(ApplicationReview review) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toNode(review));
    }

    public static ObjectNode toNode(ApplicationReview review) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", ApplicationReview.SCHEMA_VERSION);
        root.put("application", review.application().name());
        root.put("program", review.program());
        ArrayNode documents = root.putArray("documents");
        for (ExtractedDocument d : review.application().documents()) {
            ObjectNode n = documents.addObject();
            n.put("file", d.file());
            n.put("type", d.type().name());
            n.put("pages", d.pages());
            n.put("ocr", d.ocr());
            n.put("error", d.error());
            n.put("unit", d.unit());
        }
        ArrayNode figures = root.putArray("figures");
        for (Figure f : review.application().figures()) {
            ObjectNode n = figures.addObject();
            n.put("file", f.file());
            n.put("documentType", f.documentType().name());
            n.put("account", f.account());
            n.put("fiscalYear", f.fiscalYear());
            n.put("value", f.value());
            location(n, f.location());
            n.put("label", f.label());
            n.put("confidence", f.confidence());
            // optional, schema version 1 unchanged: the printed detail lines a derived figure sums (README, contract)
            if (f.derived()) {
                ArrayNode parts = n.putArray("derivedFrom");
                for (jp.shinsa.models.PrintedPart p : f.derivedFrom()) {
                    ObjectNode pn = parts.addObject();
                    pn.put("label", p.label());
                    pn.put("value", p.value());
                    location(pn, p.location());
                }
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : review.findings()) {
            ObjectNode n = findings.addObject();
            n.put("code", f.code().name());
            n.put("severity", f.severity().name());
            n.put("account", f.account());
            n.put("fiscalYear", f.fiscalYear());
            n.put("item", f.item());
            n.put("documentType", f.documentType() == null ? null : f.documentType().name());
            n.put("file", f.file());
            n.put("expected", f.expected());
            n.put("actual", f.actual());
            n.put("message", f.message().ja());
            n.put("messageEn", f.message().en());
            if (f.cause() != null) {
                n.put("cause", f.cause());
            }
            ArrayNode evidence = n.putArray("evidence");
            f.evidence().forEach(e -> location(evidence.addObject().put("file", e.file()), e));
        }
        if (review.risk() != null) {
            ObjectNode risk = root.putObject("risk");
            risk.put("score", round(review.risk().score(), 2));
            risk.put("band", review.risk().band().name());
            risk.put("modelVersion", review.risk().modelVersion());
            ArrayNode factors = risk.putArray("factors");
            for (RiskFactor rf : review.risk().factors()) {
                ObjectNode n = factors.addObject();
                n.put("feature", rf.feature());
                n.put("value", rf.value());
                n.put("contribution", round(rf.contribution(), 4));
                n.put("reason", rf.reason().ja());
                n.put("reasonEn", rf.reason().en());
                n.put("source", rf.source());
            }
        } else {
            root.putNull("risk");
        }
        Map<Integer, PurposeFitScore> scores = review.itemScores().stream()
                .collect(Collectors.toMap(PurposeFitScore::itemNo, Function.identity(), (a, b) -> a));
        ArrayNode items = root.putArray("items");
        for (RequestedItem it : review.application().items().stream()
                .sorted(Comparator.comparingInt(RequestedItem::no)).toList()) {
            ObjectNode n = items.addObject();
            n.put("no", it.no());
            n.put("name", it.name());
            n.put("spec", it.spec());
            n.put("maker", it.maker());
            n.put("quantity", it.quantity());
            n.put("unitPrice", it.unitPrice());
            n.put("amount", it.amount());
            n.put("purpose", it.purpose());
            PurposeFitScore s = scores.get(it.no());
            if (s != null) {
                n.put("purposeFit", round(s.purposeFit(), 2));
                n.put("hint", s.hint().name());
                texts(n.putArray("reasons"), s.reasons(), true);
                texts(n.putArray("reasonsEn"), s.reasons(), false);
                ArrayNode similar = n.putArray("similarPastGrants");
                for (SimilarGrant g : s.similarPastGrants()) {
                    ObjectNode sg = similar.addObject();
                    sg.put("id", g.id());
                    sg.put("similarity", round(g.similarity(), 4));
                    sg.put("decision", g.decision());
                    sg.put("itemName", g.itemName());
                    sg.put("program", g.program());
                    sg.put("unitPrice", g.unitPrice());
                    sg.put("reason", g.reason());
                }
                n.put("modelVersion", s.modelVersion());
            }
            location(n, it.location());
        }
        ObjectNode subsidy = root.putObject("subsidy");
        SubsidyRequest req = review.application().applicationForm().map(ExtractedDocument::subsidy).orElse(null);
        subsidy.put("total", req == null ? null : req.total());
        subsidy.put("cap", req == null ? null : req.cap());
        subsidy.put("rate", req == null ? null : req.rate());
        subsidy.put("requested", req == null ? null : req.requested());
        subsidy.put("computed", review.computedSubsidy());
        return root;
    }

    private static void texts(ArrayNode array, List<Text> texts, boolean japanese) {
        texts.forEach(t -> array.add(japanese ? t.ja() : t.en()));
    }

    private static void location(ObjectNode n, SourceLocation loc) {
        if (loc == null) {
            return;
        }
        if (loc.page() != null) {
            n.put("page", loc.page());
        }
        if (loc.sheet() != null) {
            n.put("sheet", loc.sheet());
        }
        if (loc.cell() != null) {
            n.put("cell", loc.cell());
        }
        if (loc.x() != null) {
            ObjectNode box = n.putObject("box");
            box.put("x", loc.x());
            box.put("y", loc.y());
            box.put("width", loc.width());
            box.put("height", loc.height());
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
