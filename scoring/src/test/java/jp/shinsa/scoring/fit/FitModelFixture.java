package jp.shinsa.scoring.fit;

import java.util.List;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SourceLocation;

/**
 * One purpose-fit model per test JVM, trained on a small demo set: loading the ONNX model and
 * embedding take seconds, so tests share it.
 */
final class FitModelFixture {
    static final String FORM = "申請書.xlsx";
    private static List<PastGrant> grants;
    private static PurposeFitArtefact artefact;
    private static PurposeFitModel model;

    private FitModelFixture() {
    }

    static synchronized List<PastGrant> grants() {
        if (grants == null) {
            grants = DemoPastGrants.generate(7, 500);
        }
        return grants;
    }

    static synchronized PurposeFitArtefact artefact() {
        if (artefact == null) {
            artefact = new PurposeFitTrainer(new PurposeFitTrainer.Options(5, 0.72, 0.6, 0.4, 1e-2, 1)).train(grants());
        }
        return artefact;
    }

    static synchronized PurposeFitModel model() {
        if (model == null) {
            model = PurposeFitModel.load(artefact());
        }
        return model;
    }

    static RequestedItem item(int no, String name, String spec, long unitPrice) {
        return new RequestedItem(no, name, spec, "テストメーカー", 1L, unitPrice, unitPrice, "事業目的のため",
                SourceLocation.ofCell(FORM, "申請書", "B" + (10 + no)));
    }

    static ExtractedApplication application(String program, List<RequestedItem> items, ExtractedDocument... more) {
        ExtractedDocument form = new ExtractedDocument(FORM, DocumentType.APPLICATION_FORM, 1, false, null, 1,
                List.of(), List.of(), items, null, program, null, List.of(), "");
        List<ExtractedDocument> docs = new java.util.ArrayList<>(List.of(form));
        docs.addAll(List.of(more));
        return new ExtractedApplication("TEST-APP", docs);
    }

    static ExtractedDocument catalogue(String file, String text) {
        return new ExtractedDocument(file, DocumentType.CATALOG, 1, false, null, 1, List.of(), List.of(), List.of(),
                null, null, null, List.of(), text);
    }
}
