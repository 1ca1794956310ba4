package jp.shinsa.ingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;

/**
 * Maps a printed row label to an account code of accounts.csv. The knowledge is data — the
 * catalogue's own labels plus {@code account-synonyms.csv} — behind one normalisation
 * ({@link #key}); labels that normalise to no known key are matched by character-bigram Dice
 * similarity above a threshold, so a label variant nobody listed still finds its account while
 * near-misses such as 短期借入金/長期借入金 (Dice 0.75) do not.
 */
public final class AccountMatcher {
    /** How a label was matched; the extractor turns it into a confidence. */
    public record Match(String account, double similarity, boolean exact) {
    }

    static final double THRESHOLD = 0.8;
    /**
     * Longer labels are no account's: a line of an A4 page holds about 50 characters, leader dots
     * included. Without the cap a hostile cell costs more than its size: {@link #key} strips
     * numbering prefixes one at a time (quadratic in "(1)(1)(1)…").
     */
    static final int LONGEST_LABEL = 200;

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[(\\[]?(?:[IVXivx]{1,4}|[0-9]{1,2}|[A-Za-z]|[イロハニホヘトアイウエオ])[)\\].．、]|[IVX]{1,4}(?=\\p{IsHan}|\\p{IsKatakana}|\\p{IsHiragana})|[0-9]{1,2}(?![0-9,年か])|[①-⑳]|[A-Za-z](?=\\p{IsHan}))");
    private static final Pattern TRAILING_PAREN = Pattern.compile("[(\\[][^()\\[\\]]*[)\\]]$");
    private static final Pattern LEADING_PAREN = Pattern.compile("^[(\\[](?:うち|内|内訳|参考)[)\\]]");
    /** (うち減価償却費), [資産の部]: a label wholly in brackets, not one that merely starts and ends with them ((3)医業利益(△損失)). */
    private static final Pattern WRAPPED = Pattern.compile("^[(\\[]([^()\\[\\]]{2,})[)\\]]$");
    private static final Pattern PUNCT = Pattern.compile("[、,・･:：\\-－―‐.。…‥]");
    /** 【流動資産】「現金及び預金」〔買掛金〕: brackets that only set a label off. */
    private static final Pattern ENCLOSING = Pattern.compile("^[【「『〔〈《]([^【】「」『』〔〕〈〉《》]+)[】」』〕〉》]$");
    /** A note reference after the label: 建物 ※1, 土地※, 資産合計 *2, 借入金 注3. */
    private static final Pattern NOTE_REF = Pattern.compile("(?:※\\d*|\\*\\d+|注\\d+)$");
    /** ア 現金及び預金, イ　医業未収金: a kana item letter set off by a space (its punctuated forms are in
     * NUMBERING); not the first letter of a letter-spaced katakana word (ソ フ ト). */
    private static final Pattern KANA_ITEM = Pattern.compile("^\\s*[アイウエオカキクケコサシスセソイロハニホヘト][\\s\\u3000]+(?=\\p{IsHan}|\\S{2})");

    /**
     * Okurigana inside a compound (貸し倒れ引当金, 借り入れ金, 買い掛け金): account names are written with them or
     * without (貸倒引当金), so the normal form drops a kana ending between two kanji, on both sides of a match.
     * Particles are not endings: の, に, を, と, や, は, が, へ, も, で, か stay (その他の, 医業未収金に係る).
     */
    private static final Pattern OKURIGANA = Pattern.compile("(?<=\\p{IsHan})[\\p{IsHiragana}&&[^のにをとやはがへもでか]]{1,2}(?=\\p{IsHan})");

    private final Map<String, String> keys;
    private final Map<String, String> ocrConfusions;
    /**
     * The bigrams of each account's own name in the catalogue (normal form). Not of its synonyms: a synonym
     * may name two lines at once (建物及び構築物), and a word of the other line would then point to this one.
     */
    private final Map<String, Set<String>> gramsOf;
    /** Each account's own catalogue name in normal form ({@link #key}). */
    private final Map<String, String> nameKeys;
    /**
     * Keys longer than this are matched by nothing: both similarities are capped by the length ratio
     * (Dice ≤ 2·min/(m+n) needs m ≤ 1.5·n for 0.8; edit similarity ≤ min/max needs m ≤ 1.25·n), so
     * twice the longest account key is safely out of reach, and scoring a long label costs its length
     * times every key (a 1 MB CSV cell took minutes).
     */
    private final int longestUsefulKey;

    public AccountMatcher() {
        Map<String, String> k = new LinkedHashMap<>();
        for (Account a : Catalogs.accounts().values()) {
            k.put(key(a.labelJa()), a.code());
        }
        for (String[] p : pairs("account-synonyms.csv")) {
            String code = p[1];
            if (!Catalogs.accounts().containsKey(code)) {
                throw new IllegalStateException("account-synonyms.csv names an unknown account: " + code);
            }
            k.put(key(p[0]), code);
        }
        this.keys = Map.copyOf(k);
        this.longestUsefulKey = 2 * keys.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        Map<String, String> names = new HashMap<>();
        Map<String, Set<String>> g = new HashMap<>();
        for (Account a : Catalogs.accounts().values()) {
            names.put(a.code(), key(a.labelJa()));
            g.put(a.code(), Set.copyOf(grams(names.get(a.code())).keySet()));
        }
        this.nameKeys = Map.copyOf(names);
        this.gramsOf = Map.copyOf(g);
        Map<String, String> c = new LinkedHashMap<>();
        for (String[] p : pairs("ocr-confusions.csv")) {
            c.put(p[0], p[1]);
        }
        this.ocrConfusions = c;
    }

    /** The two-column rows of a resource CSV beside this class: header, blank and {@code #} lines skipped. */
    private static List<String[]> pairs(String resource) {
        List<String[]> rows = new java.util.ArrayList<>();
        try (InputStream in = AccountMatcher.class.getResourceAsStream(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] p = line.split(",", 2);
                rows.add(new String[] {p[0].strip(), p[1].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Matching for OCR'd labels: known misreadings are undone first, and the similarity is the
     * better of bigram Dice and edit-distance similarity (one wrong character in a five-character
     * label breaks two bigrams but is one edit). A clear margin over the second-best account is
     * required, so that 短期/長期 stay apart.
     */
    public Optional<Match> matchOcr(String label) {
        if (label.length() > LONGEST_LABEL) {
            return Optional.empty();
        }
        String fixed = JapaneseText.compact(label);
        for (var e : ocrConfusions.entrySet()) {
            fixed = fixed.replace(e.getKey(), e.getValue());
        }
        Optional<Match> m = match(fixed);
        if (m.isPresent()) {
            return m.map(x -> x.exact() ? new Match(x.account(), 0.95, false) : x);
        }
        String k = key(fixed);
        if (k.length() < 2 || k.length() > longestUsefulKey) {
            return Optional.empty();
        }
        String best = null;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            double d = Math.max(dice(k, e.getKey()), editSimilarity(k, e.getKey()));
            if (d > bestScore) {
                if (best != null && !best.equals(e.getValue())) {
                    second = bestScore;
                }
                bestScore = d;
                best = e.getValue();
            } else if (d > second && !e.getValue().equals(best)) {
                second = d;
            }
        }
        if (best != null && bestScore >= THRESHOLD && bestScore - second >= 0.1) {
            return Optional.of(new Match(best, bestScore, false));
        }
        return Optional.empty();
    }

    static double editSimilarity(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 0 : 1.0 - (double) prev[b.length()] / max;
    }

    /** The label in NFKC without its spacing and a leading kana item letter set off by a space (ア 現金及び預金). */
    private static String compactWithoutKanaItem(String label) {
        return JapaneseText.compact(KANA_ITEM.matcher(JapaneseText.nfkc(label == null ? "" : label)).replaceFirst(""));
    }

    /** The label without its numbering (Ⅶ, (3), ア, ①) and spacing, nothing else changed. */
    public static String unnumbered(String label) {
        String s = compactWithoutKanaItem(label);
        String prev;
        do {
            prev = s;
            s = NUMBERING.matcher(s).replaceFirst("");
        } while (!s.equals(prev) && !s.isEmpty());
        return s.isEmpty() ? prev : s;
    }

    /** The normal form of a label: what statements vary (numbering, spacing, 計/合計, 損益) removed. */
    public static String key(String label) {
        String s = compactWithoutKanaItem(label);
        s = NOTE_REF.matcher(s).replaceFirst("");
        String prev;
        do {
            prev = s;
            s = WRAPPED.matcher(s).replaceFirst("$1");
            s = ENCLOSING.matcher(s).replaceFirst("$1");
            s = NUMBERING.matcher(s).replaceFirst("");
            s = LEADING_PAREN.matcher(s).replaceFirst("");
            s = ENCLOSING.matcher(s).replaceFirst("$1");
            if (s.startsWith("うち")) {
                s = s.substring(2);
            }
        } while (!s.equals(prev) && !s.isEmpty());
        do {
            prev = s;
            s = TRAILING_PAREN.matcher(s).replaceFirst("");
        } while (!s.equals(prev));
        s = s.replace("△", "").replace("▲", "");
        s = OKURIGANA.matcher(s).replaceAll("");
        s = PUNCT.matcher(s).replaceAll("");
        s = s.replace("その他の", "その他");
        s = s.replace("損益", "利益").replace("純損失", "純利益").replace("経常損失", "経常利益").replace("医業損失", "医業利益");
        for (String suffix : new String[] {"の部合計", "の部計", "合計額", "合計", "総計", "の部", "計"}) {
            if (s.endsWith(suffix) && s.length() > suffix.length() + 1) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        return s;
    }

    public Optional<Match> match(String label) {
        if (label.length() > LONGEST_LABEL) {
            return Optional.empty();
        }
        String k = key(label);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        String exact = keys.get(k);
        if (exact != null) {
            return Optional.of(new Match(exact, 1.0, true));
        }
        if (k.length() > longestUsefulKey) {
            return Optional.empty();
        }
        String best = null;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            double d = dice(k, e.getKey());
            if (d > bestScore) {
                if (best != null && !best.equals(e.getValue())) {
                    second = bestScore;
                }
                bestScore = d;
                best = e.getValue();
            } else if (d > second && !e.getValue().equals(best)) {
                second = d;
            }
        }
        // A tie between two accounts means the label does not say which one it is.
        if (best != null && bestScore >= THRESHOLD && bestScore - second > 0.02) {
            return Optional.of(new Match(best, bestScore, false));
        }
        return Optional.empty();
    }

    /**
     * Every account a label might be, best first, scored by character n-grams of the normal form
     * against the account's known keys: the better of bigram Dice and 0.75 × the share of a key's
     * bigrams the label contains (資産総額 contains 資産). Scores lie in [0,1]; accounts below
     * {@code floor} are left out. Generalises to wordings nobody listed; it is evidence, not a decision.
     */
    public List<jp.shinsa.models.AccountCandidate> candidates(String label, double floor, int limit) {
        String k = key(label);
        if (k.isEmpty() || label.length() > LONGEST_LABEL || k.length() > longestUsefulKey) {
            return List.of();
        }
        Map<String, Integer> x = grams(k);
        Map<String, Double> best = new HashMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            double d = e.getKey().equals(k) ? 1.0 : dice(k, e.getKey());
            Map<String, Integer> y = grams(e.getKey());
            int inY = y.values().stream().mapToInt(Integer::intValue).sum();
            if (inY > 0 && e.getKey().length() >= 2) {
                int common = 0;
                for (var g : y.entrySet()) {
                    common += Math.min(g.getValue(), x.getOrDefault(g.getKey(), 0));
                }
                d = Math.max(d, 0.75 * common / inY);
            }
            if (narrower(k, e.getKey(), e.getValue())) {
                d *= NARROWER;
            }
            best.merge(e.getValue(), d, Math::max);
        }
        return best.entrySet().stream().filter(e -> e.getValue() >= floor)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new jp.shinsa.models.AccountCandidate(e.getKey(), Math.min(1, e.getValue()))).toList();
    }

    /**
     * The brackets a label may set a qualifier off with, as regex character-class bodies (after NFKC): ( [ 〔
     * 《 ≪ < 【 and their closers. One vocabulary for the matcher and the qualifier reader ({@code RowLabel}).
     */
    public static final String OPENING = "(\\[〔《≪<【";
    public static final String CLOSING = ")\\]〕》≫>】";
    private static final Pattern BRACKET_CHARS = Pattern.compile("[" + OPENING + CLOSING + "]");

    /**
     * The one account among {@code among} (the lines of one section) that the label's words tell apart
     * from the others: every bigram of the label (its brackets included: 附属病院収益（外来）) that the
     * catalogue name of exactly one of them contains points to the same account, and the label shares at
     * least two bigrams with that name (外来 and 収益: 外来診療収益). None when no word tells them apart, or two words
     * point to different lines. Evidence for siblings a label only half names, not a match.
     */
    public Optional<String> distinctive(String label, java.util.Collection<String> among) {
        return distinctive(label, label, among);
    }

    /**
     * As {@link #distinctive(String, java.util.Collection)}, with the words that tell the lines apart taken from
     * {@code words} alone (a label's bracket: 外来 of 附属病院収益（外来）, whose 病院収益 shares 院収 with 入院収益).
     */
    public Optional<String> distinctive(String words, String label, java.util.Collection<String> among) {
        if (label.length() > LONGEST_LABEL || words.length() > LONGEST_LABEL || among.size() < 2) {
            return Optional.empty();
        }
        Set<String> mine = bracketFreeGrams(label);
        String only = null;
        for (String gram : words.equals(label) ? mine : bracketFreeGrams(words)) {
            String owner = null;
            int owners = 0;
            for (String a : among) {
                if (gramsOf.getOrDefault(a, Set.of()).contains(gram)) {
                    owner = a;
                    owners++;
                }
            }
            if (owners == 1) {
                if (only != null && !only.equals(owner)) {
                    return Optional.empty();
                }
                only = owner;
            }
        }
        if (only == null) {
            return Optional.empty();
        }
        Set<String> names = gramsOf.get(only);
        return mine.stream().filter(names::contains).count() >= 2 ? Optional.of(only) : Optional.empty();
    }

    private static Set<String> bracketFreeGrams(String text) {
        return grams(key(BRACKET_CHARS.matcher(JapaneseText.compact(text)).replaceAll(""))).keySet();
    }

    /**
     * The one account among {@code among} whose catalogue name the label abbreviates: two to four kanji, the
     * first the name's first, each found in the name after the one before (長借 in 長期借入金, 短借 in
     * 短期借入金), as credit analysts shorten names. None when no name or two names fit, or the label is written
     * out in the name (that is a likeness, not an abbreviation).
     */
    public Optional<String> abbreviated(String label, java.util.Collection<String> among) {
        String k = key(label);
        if (k.length() < 2 || k.length() > 4 || !k.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return Optional.empty();
        }
        String only = null;
        for (String a : among) {
            String name = nameKeys.getOrDefault(a, "");
            if (name.isEmpty() || name.contains(k) || name.charAt(0) != k.charAt(0) || !inOrder(k, name)) {
                continue;
            }
            if (only != null) {
                return Optional.empty();
            }
            only = a;
        }
        return Optional.ofNullable(only);
    }

    private static boolean inOrder(String shortForm, String name) {
        int at = 0;
        for (int i = 0; i < shortForm.length(); i++) {
            at = name.indexOf(shortForm.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * How much of the likeness is left when the label is a narrower kind of a total: a
     * Japanese compound puts its head last, so 有形資産 (a modifier before 資産) is a kind of asset, a part
     * of 資産合計, not 資産合計 itself; 外来医業収益 is part of 医業収益.
     */
    static final double NARROWER = 0.5;

    /** Accounts other accounts add up to (資産合計, 医業収益, 流動負債 …). */
    private static final java.util.Set<String> TOTALS = Catalogs.accounts().values().stream().map(Account::parent)
            .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Whether the label key {@code k} is the key of the total {@code account} with a modifier of two or
     * more characters put before it: the label then names a part of that total.
     */
    static boolean narrower(String k, String key, String account) {
        return TOTALS.contains(account) && k.endsWith(key) && k.length() - key.length() >= 2;
    }

    /** The embeddings of every key, computed on first use of {@link #meaningCandidates}. */
    private volatile float[][] keyEmbeddings;
    private volatile List<Map.Entry<String, String>> embeddedKeys;

    /**
     * Every account a label might mean by the Japanese sentence-embedding model (bge-small-zh,
     * {@link jp.shinsa.embeddings.TextEmbedder}): cosine of the label against every known key, mapped
     * to [0,1] by {@code (cos − 0.55) / 0.4} (unrelated short labels lie near 0.5, paraphrases above
     * 0.8). Loads the model on first use (seconds); labels are cached by the embedder. Evidence for
     * rows whose n-gram evidence is weak only: the model mostly sees the same character overlap.
     */
    public List<jp.shinsa.models.AccountCandidate> meaningCandidates(String label, double floor, int limit) {
        String k = key(label);
        if (k.isEmpty() || label.length() > LONGEST_LABEL || k.length() > longestUsefulKey) {
            return List.of();
        }
        if (keyEmbeddings == null) {
            synchronized (this) {
                if (keyEmbeddings == null) {
                    List<Map.Entry<String, String>> entries = List.copyOf(keys.entrySet());
                    keyEmbeddings = jp.shinsa.embeddings.TextEmbedder.embed(entries.stream().map(Map.Entry::getKey).toList());
                    embeddedKeys = entries;
                }
            }
        }
        float[] x = jp.shinsa.embeddings.TextEmbedder.embed(k);
        Map<String, Double> best = new HashMap<>();
        for (int i = 0; i < embeddedKeys.size(); i++) {
            double score = Math.max(0, Math.min(1, (jp.shinsa.embeddings.TextEmbedder.cosine(x, keyEmbeddings[i]) - 0.55) / 0.4));
            best.merge(embeddedKeys.get(i).getValue(), score, Math::max);
        }
        return best.entrySet().stream().filter(e -> e.getValue() >= floor)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new jp.shinsa.models.AccountCandidate(e.getKey(), e.getValue())).toList();
    }

    /** Dice coefficient over character bigrams (single characters for one-character strings). */
    static double dice(String a, String b) {
        Map<String, Integer> x = grams(a);
        Map<String, Integer> y = grams(b);
        int total = x.values().stream().mapToInt(Integer::intValue).sum() + y.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 0;
        }
        int common = 0;
        Set<String> seen = new HashSet<>(x.keySet());
        for (String g : seen) {
            common += Math.min(x.get(g), y.getOrDefault(g, 0));
        }
        return 2.0 * common / total;
    }

    private static Map<String, Integer> grams(String s) {
        Map<String, Integer> m = new HashMap<>();
        if (s.length() == 1) {
            m.put(s, 1);
            return m;
        }
        for (int i = 0; i + 1 < s.length(); i++) {
            m.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        return m;
    }
}
