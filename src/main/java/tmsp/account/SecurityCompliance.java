package tmsp.account;

/** Whether Security Compliance is on in the account's discovery appliance, as its last heartbeat said. */
public enum SecurityCompliance {
    ENABLED, DISABLED
}
