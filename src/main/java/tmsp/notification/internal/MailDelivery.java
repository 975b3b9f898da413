package tmsp.notification.internal;

/**
 * What became of one mail: delivered to the server, with the server's last reply, or not, with why.
 *
 * @param answer the server's reply (e.g. {@code 250 2.0.0 OK}) or the reason it failed, for people to read
 */
record MailDelivery(boolean delivered, String answer) {
}
