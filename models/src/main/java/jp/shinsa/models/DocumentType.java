package jp.shinsa.models;

/** The kinds of document in an application package (review contract, "An application package"). */
public enum DocumentType {
    FINANCIAL_STATEMENTS("決算書", "Financial statements"),
    INPUT_SHEET("決算状況入力シート", "Financial input sheet"),
    BS_COMPARISON("BS実績比較", "Balance-sheet comparison"),
    APPLICATION_FORM("申請書", "Application form"),
    QUOTE("見積書", "Quote"),
    CATALOG("カタログ", "Catalogue"),
    OTHER("その他", "Other");

    private final String labelJa;
    private final String labelEn;

    DocumentType(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    public Text label() {
        return new Text(labelJa, labelEn);
    }
}
