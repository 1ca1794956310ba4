/** The examiners' queue of applications, flagged first; lazy pages straight from SQL. */
package jp.shinsa.review.queue;
