/**
 * The audit log: append-only in the database (a trigger refuses UPDATE and DELETE) and
 * hash-chained, so any change to a past entry is detectable. Everyone may record; it calls no other
 * feature.
 */
package jp.shinsa.review.audit;
