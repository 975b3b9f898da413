package tmsp.notification.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of event-notification: the variables to one call; the business key names the occurrence. */
@Component("sendNotificationTask")
class SendNotificationTask implements JavaDelegate {

    private final NotificationDelivery delivery;

    SendNotificationTask(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(execution.getProcessBusinessKey(),
                ((Number) execution.getVariable(NotificationProcess.ACCOUNT_ID)).longValue(),
                NotificationEventType.valueOf((String) execution.getVariable(NotificationProcess.EVENT_TYPE)),
                (String) execution.getVariable(NotificationProcess.DETAILS));
    }
}
