package tmsp.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tmsp.notification.Mailer.MailNotDelivered;

/**
 * event-notification.bpmn alone, on an in-memory engine without Spring: the real delegate over a stand-in for the
 * delivery (which the integration tests run against GreenMail: NotificationIT).
 */
@Deployment(resources = "processes/event-notification.bpmn")
class EventNotificationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final String OCCURRENCE = "outbreak:42";
    static final String DETAILS = "{\"title\":\"Outbreak\",\"hosts\":\"h1\",\"incidentId\":\"42\"}";

    ProcessEngine processEngine;
    NotificationDelivery delivery = mock(NotificationDelivery.class);

    @BeforeEach
    void delegates() {
        processEngine = engine.getProcessEngine();
        init(processEngine);
        Mocks.register("sendNotificationTask", new SendNotificationTask(delivery));
        Mocks.register("notificationRetries", Map.of("cycle", "R3/PT1M"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theOccurrenceWaitsAsAJobThenIsMailedOnce() {
        ProcessInstance notification = start();
        assertThat(notification).isWaitingAt(NotificationProcess.SEND_TASK);
        verify(delivery, times(0)).deliver(OCCURRENCE, 7, NotificationEventType.OUTBREAK, DETAILS);

        execute(job(notification));

        assertThat(notification).hasPassed(NotificationProcess.SEND_TASK).isEnded();
        verify(delivery).deliver(OCCURRENCE, 7, NotificationEventType.OUTBREAK, DETAILS);
    }

    @Test
    void aFailedSendIsRetriedByTheCycleAndThenGoes() {
        when(delivery.deliver(OCCURRENCE, 7, NotificationEventType.OUTBREAK, DETAILS))
                .thenThrow(new MailNotDelivered("soc@example.org", "Connection refused")).thenReturn(1);
        ProcessInstance notification = start();

        Job first = job(notification);
        assertThatThrownBy(() -> execute(first)).isInstanceOf(MailNotDelivered.class);
        Job retried = processEngine.getManagementService().createJobQuery().processInstanceId(notification.getId())
                .singleResult();
        assertThat(retried.getRetries()).isEqualTo(2); // R3: three tries in all
        assertThat(retried.getDuedate()).isNotNull();
        assertThat(retried.getExceptionMessage()).contains("Connection refused");
        assertThat(notification).isWaitingAt(NotificationProcess.SEND_TASK);

        execute(retried);
        assertThat(notification).isEnded();
        verify(delivery, times(2)).deliver(OCCURRENCE, 7, NotificationEventType.OUTBREAK, DETAILS);
    }

    @Test
    void whenTheRetriesRunOutItIsAnIncidentAndTheProcessWaits() {
        when(delivery.deliver(OCCURRENCE, 7, NotificationEventType.OUTBREAK, DETAILS))
                .thenThrow(new MailNotDelivered("soc@example.org", "Connection refused"));
        ProcessInstance notification = start();

        for (int attempt = 0; attempt < 3; attempt++) {
            Job next = job(notification);
            assertThatThrownBy(() -> execute(next)).isInstanceOf(MailNotDelivered.class);
        }

        assertThat(job(notification).getRetries()).isZero();
        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(notification.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).isEqualTo(NotificationProcess.SEND_TASK);
        assertThat(incident.getIncidentMessage()).contains("Connection refused");
        assertThat(notification).isWaitingAt(NotificationProcess.SEND_TASK).isNotEnded();
        verify(delivery, times(3)).deliver(OCCURRENCE, 7, NotificationEventType.OUTBREAK, DETAILS);
    }

    ProcessInstance start() {
        return processEngine.getRuntimeService().startProcessInstanceByKey(NotificationProcess.KEY, OCCURRENCE,
                Map.of(NotificationProcess.ACCOUNT_ID, 7L, NotificationProcess.EVENT_TYPE, "OUTBREAK",
                        NotificationProcess.DETAILS, DETAILS));
    }
}
