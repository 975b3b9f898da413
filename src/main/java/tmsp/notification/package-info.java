/** Notifications: who is told about what, and the mail server that tells them. */
package tmsp.notification;
