/** Administration: users and roles (later: imports, models, programs). ADMIN only. */
package jp.shinsa.review.admin;
