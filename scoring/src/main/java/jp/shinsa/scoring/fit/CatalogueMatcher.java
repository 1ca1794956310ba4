package jp.shinsa.scoring.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.RequestedItem;

/**
 * Finds the catalogue (a CATALOG document) that describes a requested item — by its model number
 * or its name appearing in the catalogue text — and picks the lines that describe the product.
 */
final class CatalogueMatcher {
    private CatalogueMatcher() {
    }

    static Optional<ExtractedDocument> match(ExtractedApplication application, RequestedItem item) {
        String model = modelCode(item.spec());
        String name = compact(item.name());
        ExtractedDocument byName = null;
        for (ExtractedDocument d : application.ofType(DocumentType.CATALOG)) {
            String text = compact(d.text());
            if (text.isEmpty()) {
                continue;
            }
            if (!model.isEmpty() && text.contains(model)) {
                return Optional.of(d);
            }
            if (byName == null && name.length() >= 2 && text.contains(name)) {
                byName = d;
            }
        }
        return Optional.ofNullable(byName);
    }

    /** The catalogue's descriptive lines (features, bullet points), at most {@code max} characters. */
    static String features(String catalogue, RequestedItem item, int max) {
        List<String> picked = new ArrayList<>();
        boolean inFeatures = false;
        for (String raw : JapaneseText.normalize(catalogue).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean heading = line.contains("特長") || line.contains("特徴") || line.contains("用途");
            boolean bullet = line.startsWith("・") || line.startsWith("●") || line.startsWith("■") || line.startsWith("-");
            if (heading) {
                inFeatures = true;
            }
            if (bullet || (inFeatures && !heading)) {
                picked.add(line.replaceFirst("^[・●■\\-]\\s*", ""));
            }
        }
        if (picked.isEmpty()) {
            for (String raw : JapaneseText.normalize(catalogue).split("\\R")) {
                if (!raw.isBlank()) {
                    picked.add(raw.strip());
                }
            }
        }
        String s = String.join("／", picked);
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** The model number of a spec line: "PR-1250（4チャネル）" → "PR-1250". */
    static String modelCode(String spec) {
        String s = JapaneseText.normalize(spec);
        int cut = s.indexOf('(');
        return compact(cut >= 0 ? s.substring(0, cut) : s);
    }

    private static String compact(String s) {
        return JapaneseText.normalize(s).replaceAll("\\s+", "");
    }
}
