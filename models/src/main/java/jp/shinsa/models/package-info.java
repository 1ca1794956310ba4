/**
 * Domain records of Shinsa, shared by {@code ingest}, {@code scoring} and {@code review-app}.
 *
 * <p>Plain Java only: no Spring, no Vaadin, no persistence annotations. Amounts are whole yen
 * ({@code long}) after unit scaling; a fiscal year is the Japanese 年度 by the calendar year it starts
 * in (a balance sheet as of 令和7年3月31日 closes fiscal year 2024). Nullable components say so in
 * their Javadoc; everything else is checked in the compact constructor.
 */
package jp.shinsa.models;
