package tmsp.identity;

/** Published whenever an administrator changes a user; the system log records it. */
public record UserChanged(String actor, String username, String change) {
}
