/**
 * Statement spreading: every printed row kept with its section and mapping evidence, and the
 * mapping of rows to accounts (taught wordings first).
 */
package jp.shinsa.ingest.spread;
