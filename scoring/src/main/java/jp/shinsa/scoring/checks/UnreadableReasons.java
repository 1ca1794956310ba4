package jp.shinsa.scoring.checks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Japanese wording of the reasons the reader gives for a file it could not read. The reader
 * reports them in English (they also go to logs and the API); examiners read Japanese. A reason not
 * listed here is shown as the reader gave it, rather than guessed at.
 */
final class UnreadableReasons {
    private record Rule(Pattern english, String japanese) {
    }

    /** Each pattern is matched against the whole reason; {@code $n} are its groups (file details stay as given). */
    private static final List<Rule> RULES = List.of(
            rule("empty file", "空のファイルです"),
            rule("encrypted PDF", "暗号化されたPDFです"),
            rule("encrypted document", "暗号化された文書です"),
            rule("encrypted spreadsheet", "暗号化された表計算ファイルです"),
            rule("file too large \\(([\\d.]+) MB, limit ([\\d.]+) MB\\)", "ファイルが大きすぎます（$1 MB、上限 $2 MB）"),
            rule("reading took longer than (\\d+) s", "読み取りが $1 秒を超えたため中止しました"),
            rule("corrupt PDF: (.*)", "壊れたPDFです: $1"),
            rule("corrupt ZIP/Office file: (.*)", "壊れたZIPまたはOfficeファイルです: $1"),
            rule("corrupt or unsupported file: (.*)", "壊れているか、対応していない形式のファイルです: $1"),
            rule("cannot interpret content: (.*)", "内容を解釈できません: $1"),
            rule("cannot open file: (.*)", "ファイルを開けません: $1"),
            rule("decompression bomb refused: (.*)", "展開すると極端に大きくなるファイル（圧縮爆弾）のため拒否しました: $1"),
            rule("archive \\((.*)\\) — submit the documents themselves", "アーカイブ（$1）です。書類そのものを提出してください"),
            rule("archive with too many parts", "部品が多すぎるアーカイブです"),
            rule("PDF has no pages", "ページのないPDFです"),
            rule("image file and OCR is switched off", "画像ファイルですが、文字認識（OCR）が無効です"),
            rule("image file and Tesseract is not installed", "画像ファイルですが、文字認識（Tesseract）がインストールされていません"),
            rule("image-only PDF and OCR is switched off", "画像だけのPDFですが、文字認識（OCR）が無効です"),
            rule("image-only PDF and Tesseract is not installed", "画像だけのPDFですが、文字認識（Tesseract）がインストールされていません"),
            rule("interrupted", "読み取りが中断されました"),
            rule("reading ran out of memory \\(limit (\\d+) MB\\)", "読み取りがメモリの上限（$1 MB）を超えたため中止しました"),
            rule("the reading process stopped \\(exit code (-?\\d+)\\)", "読み取り処理が予期せず終了しました（終了コード $1）"),
            rule("no text found in PDF", "PDFに文字が見つかりません"),
            rule("no text found", "文字が見つかりません"),
            rule("no text recognised in image", "画像から文字を認識できません"));

    private UnreadableReasons() {
    }

    private static Rule rule(String english, String japanese) {
        return new Rule(Pattern.compile(english, Pattern.DOTALL), japanese);
    }

    /** The reason in Japanese, or as given when it is not one the reader is known to give. */
    static String japanese(String reason) {
        if (reason == null) {
            return "理由不明";
        }
        for (Rule r : RULES) {
            Matcher m = r.english().matcher(reason);
            if (m.matches()) {
                return m.replaceFirst(r.japanese());
            }
        }
        return reason;
    }
}
