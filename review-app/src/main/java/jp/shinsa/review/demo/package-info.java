/**
 * Demo data made by the project itself (no outside files): synthetic hospitals' application
 * packages in Japanese, shaped like real ones, loaded on the first start with the embedded database.
 */
package jp.shinsa.review.demo;
