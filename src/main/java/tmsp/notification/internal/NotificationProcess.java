package tmsp.notification.internal;

/** event-notification.bpmn: its key and variables (primitives; the details are a JSON object of strings). */
final class NotificationProcess {

    static final String KEY = "event-notification";
    static final String SEND_TASK = "send-notification";
    static final String ACCOUNT_ID = "accountId";
    static final String EVENT_TYPE = "eventType";
    static final String DETAILS = "details";

    private NotificationProcess() {
    }
}
