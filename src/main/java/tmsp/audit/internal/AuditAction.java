package tmsp.audit.internal;

/** The kinds of system log lines, as the filter and the CSV name them. */
enum AuditAction {
    LOGON, LOGON_FAILED, LOGOFF,
    ACCOUNT_CREATED, ACCOUNT_EDITED, ACCOUNT_DELETED,
    CONTACT_ADDED, CONTACT_REMOVED,
    USER_CHANGED,
    PRODUCT_REGISTERED, PRODUCT_MOVED, PRODUCT_REMOVED, PRODUCT_SYSLOG_SOURCE_SET
}
