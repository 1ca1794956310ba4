package jp.shinsa.review.application;

import jp.shinsa.models.ExtractedApplication;

/**
 * Re-derives an application's statement figures from its kept rows with the examiners' row
 * mappings, before the figure corrections are applied ({@code review.mapping} implements it). The
 * extraction passed in is the one stored as read; the result is only used to re-run the checks.
 *
 * @see "docs/decisions/014-row-mappings-and-learned-wordings.md"
 */
@FunctionalInterface
public interface RowRemapper {
    ExtractedApplication remap(long applicationId, ExtractedApplication asRead);

    /** No row mappings (a workbench without the mapping feature). */
    RowRemapper NONE = (id, asRead) -> asRead;
}
