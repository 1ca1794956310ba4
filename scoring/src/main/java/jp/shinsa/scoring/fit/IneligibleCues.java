package jp.shinsa.scoring.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words of ineligible-cues.tsv: what subsidy rules exclude whatever the program (consumables,
 * upkeep, construction, general-purpose goods). Gives the model knowledge that past grants hold only
 * by example (a TV is general-purpose even if no hospital asked for one before); the model learns
 * from past grants how much a hit counts.
 */
final class IneligibleCues {
    record Cue(RejectionReason reason, String word) {
    }

    private static final List<Cue> CUES = load();

    private IneligibleCues() {
    }

    /** The first cue found in the item text, if any. */
    static Optional<Cue> find(String itemText) {
        String s = JapaneseText.normalize(itemText);
        for (Cue c : CUES) {
            if (c.word().endsWith("$") ? s.endsWith(c.word().substring(0, c.word().length() - 1)) : s.contains(c.word())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static List<Cue> load() {
        try (InputStream in = IneligibleCues.class.getResourceAsStream("ineligible-cues.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource ineligible-cues.tsv");
            }
            List<Cue> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                out.add(new Cue(RejectionReason.valueOf(parts[0].trim()), JapaneseText.normalize(parts[1])));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
