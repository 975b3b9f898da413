package tmsp.notification.internal;

/** How the connection to the mail server is protected. */
enum SmtpSecurity {
    /** Plain SMTP (a relay on the same host or network). */
    NONE,
    /** SMTP upgraded with STARTTLS, refused if the server does not offer it (port 587). */
    STARTTLS,
    /** SMTP inside TLS from the first byte (port 465). */
    TLS
}
