package tmsp.notification.internal;

/**
 * What it takes to send through a mail server. {@code username} null means the server takes mail without a
 * logon; {@code password} is only read when there is a user name.
 */
record SmtpSettings(String host, int port, SmtpSecurity security, String sender, String username, String password) {

    boolean logsOn() {
        return username != null;
    }

    /** For pages and logs: everything but the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + ", from " + sender
                + (logsOn() ? ", as " + username : "") + "]";
    }
}
