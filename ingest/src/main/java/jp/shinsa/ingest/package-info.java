/**
 * Reading application documents: type detection and text (Apache Tika), tables in PDFs
 * (Tabula-java), spreadsheets cell by cell (Apache POI), OCR of scans (Tesseract through Tika);
 * classification by content; figures, items and subsidy with their provenance. Plain Java: the
 * workbench wires it.
 */
package jp.shinsa.ingest;
