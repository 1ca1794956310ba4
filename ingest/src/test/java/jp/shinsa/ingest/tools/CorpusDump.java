package jp.shinsa.ingest.tools;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SubsidyRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dev tool: reads every folder of a parent directory and writes one contract-shaped JSON line per
 * application (documents, figures, items, subsidy, program) for {@code shared/tools/score.py}.
 * <pre>
 * ./mvnw -B -q -o -pl ingest -am test -Dtest=CorpusDump -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dshinsa.dump.out=/tmp/ingest.jsonl [-Dshinsa.dump.in=/work/shared/corpus/dev]
 * python3 ../shared/tools/score.py --truth ../shared/corpus/dev/truth --results /tmp/ingest.jsonl
 * </pre>
 */
class CorpusDump {

    @Test
    @EnabledIfSystemProperty(named = "shinsa.dump.out", matches = ".+")
    void dump_corpus_as_contract_json_lines() throws IOException {
        Path in = Path.of(System.getProperty("shinsa.dump.in", "../../shared/corpus/dev"));
        Path out = Path.of(System.getProperty("shinsa.dump.out"));
        ObjectMapper json = JsonMapper.builder().build();
        ApplicationReader reader = new ApplicationReader();
        List<Path> folders;
        try (Stream<Path> s = Files.list(in)) {
            folders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("truth")).sorted().toList();
        }
        long start = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path folder : folders) {
                ExtractedApplication app = reader.read(folder);
                w.write(json.writeValueAsString(toContract(app)));
                w.write('\n');
                System.err.println(folder.getFileName() + " " + app.documents().size() + " files, "
                        + app.figures().size() + " figures");
                if (Boolean.getBoolean("shinsa.dump.rows")) {
                    // -Dshinsa.dump.rows=true: every kept statement row with what the spreader made of it
                    for (ExtractedDocument d : app.documents()) {
                        for (var r : d.rows()) {
                            System.err.printf("  %s #%d i%d %s %s %s → %s %s %.2f [%s]%n", d.file(), r.index(), r.indent(), r.label(),
                                    r.values(), String.join("›", r.section()), r.mapping().kind(), r.mapping().account(),
                                    r.mapping().confidence(), r.mapping().reason().en());
                        }
                    }
                }
            }
        }
        System.err.printf("%d applications in %.1f s%n", folders.size(), (System.nanoTime() - start) / 1e9);
    }

    static Map<String, Object> toContract(ExtractedApplication app) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("schemaVersion", 1);
        o.put("application", app.name());
        o.put("program", app.program());
        List<Map<String, Object>> docs = new ArrayList<>();
        List<Map<String, Object>> figures = new ArrayList<>();
        for (ExtractedDocument d : app.documents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.file());
            m.put("type", d.type().name());
            m.put("pages", d.pages());
            m.put("ocr", d.ocr());
            m.put("error", d.error());
            docs.add(m);
            for (Figure f : d.figures()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("file", f.file());
                g.put("documentType", f.documentType().name());
                g.put("account", f.account());
                g.put("fiscalYear", f.fiscalYear());
                g.put("value", f.value());
                g.put("page", f.location().page());
                g.put("label", f.label());
                g.put("confidence", f.confidence());
                figures.add(g);
            }
        }
        o.put("documents", docs);
        List<Map<String, Object>> deltas = new ArrayList<>();
        for (ExtractedDocument d : app.documents()) {
            d.comparisonDeltas().forEach(x -> deltas.add(new LinkedHashMap<>(Map.of("file", x.file(), "account", x.account(),
                    "value", x.value()))));
        }
        o.put("comparisonDeltas", deltas);
        o.put("figures", figures);
        o.put("findings", List.of());
        List<Map<String, Object>> items = new ArrayList<>();
        for (RequestedItem it : app.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("no", it.no());
            m.put("name", it.name());
            m.put("spec", it.spec());
            m.put("maker", it.maker());
            m.put("quantity", it.quantity());
            m.put("unitPrice", it.unitPrice());
            m.put("amount", it.amount());
            m.put("purpose", it.purpose());
            items.add(m);
        }
        o.put("items", items);
        List<Map<String, Object>> quoteItems = new ArrayList<>();
        app.ofType(jp.shinsa.models.DocumentType.QUOTE).forEach(q -> q.items().forEach(it -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("no", it.no());
            m.put("name", it.name());
            m.put("spec", it.spec());
            m.put("maker", it.maker());
            m.put("quantity", it.quantity());
            m.put("unitPrice", it.unitPrice());
            m.put("amount", it.amount());
            quoteItems.add(m);
        }));
        o.put("quoteItems", quoteItems);
        SubsidyRequest s = app.applicationForm().map(ExtractedDocument::subsidy).orElse(null);
        if (s != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", s.total());
            m.put("cap", s.cap());
            m.put("rate", s.rate());
            m.put("requested", s.requested());
            Long computed = s.total() == null ? null : Catalogs.program(app.program()).map(p -> p.subsidyFor(s.total())).orElse(null);
            m.put("computed", computed);
            o.put("subsidy", m);
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("corp", app.applicant().corporation());
        applicant.put("facility", app.applicant().facility());
        applicant.put("address", app.applicant().address());
        applicant.put("beds", app.applicant().beds());
        o.put("applicant", applicant);
        return o;
    }
}
