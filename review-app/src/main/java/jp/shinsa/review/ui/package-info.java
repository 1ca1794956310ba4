/** The shell of the workbench: layout, navigation, language switch, shared formatting. */
package jp.shinsa.review.ui;
