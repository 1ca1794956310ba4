/**
 * Purpose fit of requested items (issue 6) and the unit-price rule, from past grants.
 * <ul>
 * <li>{@link jp.shinsa.scoring.fit.PastGrantCsv}: import and validate past decisions (all or nothing);
 *     {@link jp.shinsa.scoring.fit.DemoPastGrants}: the project's own demo decisions.</li>
 * <li>{@link jp.shinsa.scoring.fit.PurposeFitTrainer} → {@link jp.shinsa.scoring.fit.PurposeFitArtefact}
 *     (versioned bytes + metadata for the model registry) → {@link jp.shinsa.scoring.fit.PurposeFitModel}.</li>
 * <li>{@link jp.shinsa.scoring.fit.EmbeddingPurposeFitScorer} (a {@code PurposeFitScorer}) and
 *     {@link jp.shinsa.scoring.fit.UnitPriceOutlierCheck} (an {@code ApplicationCheck}) use a loaded model.</li>
 * <li>{@link jp.shinsa.scoring.fit.NarrativeWriter}: optional chat-model narrative, off by default.</li>
 * </ul>
 * Method and limits: docs/decisions/006-purpose-fit.md. LangChain4j, Lucene and Weka types stay inside.
 */
package jp.shinsa.scoring.fit;
