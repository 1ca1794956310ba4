package jp.shinsa.ingest.spread;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.TaughtMapping;

/**
 * Row wordings examiners have mapped to accounts (kept by the workbench in PostgreSQL). The reader
 * asks it before its own evidence: a taught wording is mapped as taught, with confidence 1.
 */
public interface LearnedMappings {

    /** The mapping taught for this wording on this kind of document (or on any statement), else empty. */
    Optional<TaughtMapping> find(DocumentType type, String wordingKey);

    /** No taught wordings. */
    static LearnedMappings none() {
        return (type, key) -> Optional.empty();
    }

    /** A fixed set (tests, tools, one application's own mappings). */
    static LearnedMappings of(Collection<TaughtMapping> taught) {
        Map<String, List<TaughtMapping>> byKey = taught.stream().collect(Collectors.groupingBy(TaughtMapping::wording));
        return (type, key) -> {
            List<TaughtMapping> l = byKey.getOrDefault(key, List.of());
            return l.stream().filter(t -> t.documentType() == type).findFirst()
                    .or(() -> l.stream().filter(t -> t.documentType() == null).findFirst());
        };
    }

    /** Taught first, then {@code fallback}. */
    default LearnedMappings orElse(LearnedMappings fallback) {
        return (type, key) -> find(type, key).or(() -> fallback.find(type, key));
    }

    Pattern NOISE = Pattern.compile("[\\s\\u3000・･.．…‥:：\\-－ー—_＿]+");

    /**
     * The key a wording is known by: NFKC, no spaces, leaders or separators, with its qualifiers
     * (parentheses, うち, 計) kept, since a qualifier changes the meaning. Two labels with the same key
     * are the same wording.
     */
    static String wordingKey(String label) {
        String n = JapaneseText.compact(label);
        return NOISE.matcher(n).replaceAll("");
    }
}
