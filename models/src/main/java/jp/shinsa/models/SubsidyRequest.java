package jp.shinsa.models;

/**
 * The money part of an application form: 合計 ({@code total}), 補助基準額 ({@code cap}), 補助率
 * ({@code rate}, as printed, e.g. "1/2") and 補助所要額 ({@code requested}); each null when not found.
 */
public record SubsidyRequest(Long total, Long cap, String rate, Long requested, SourceLocation location) {
}
