package tmsp.notification.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts one event-notification process per occurrence of an event, named by its occurrence key (the business
 * key): an occurrence that already has a process (a listener run again after a crash) starts none.
 */
@Service
class NotificationOccurrences {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationOccurrences.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final NotificationSubscriptions subscriptions;
    private final ObjectMapper json;

    NotificationOccurrences(RuntimeService runtime, HistoryService history, NotificationSubscriptions subscriptions,
                            ObjectMapper json) {
        this.runtime = runtime;
        this.history = history;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    /** @return whether a process was started (not when nobody is subscribed or it was started before) */
    @Transactional
    boolean raise(long accountId, NotificationEventType type, String occurrenceKey, Map<String, String> details) {
        if (subscriptions.recipientsOf(accountId, type).isEmpty()) {
            LOG.debug("{} for account #{}: nobody is subscribed", type, accountId);
            return false;
        }
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
                .processInstanceBusinessKey(occurrenceKey).count() > 0) {
            return false;
        }
        runtime.startProcessInstanceByKey(NotificationProcess.KEY, occurrenceKey, Map.of(
                NotificationProcess.ACCOUNT_ID, accountId,
                NotificationProcess.EVENT_TYPE, type.name(),
                NotificationProcess.DETAILS, toJson(details)));
        return true;
    }

    private String toJson(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
