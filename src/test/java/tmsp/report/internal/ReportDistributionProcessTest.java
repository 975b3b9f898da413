package tmsp.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.mockito.InOrder;
import tmsp.notification.Mailer;

/**
 * report-distribution.bpmn alone, on an in-memory engine without Spring: the real delegates and starter over a
 * stand-in for the distribution steps (the database and the mail server are ReportDistributionIT's); the test
 * executes the jobs.
 */
@Deployment(resources = "processes/report-distribution.bpmn")
class ReportDistributionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final long ACCOUNT = 5;
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 4);
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 7);
    static final LocalDate LAST_OF_NOVEMBER = LocalDate.of(2026, 11, 30);

    ProcessEngine processEngine;
    ReportDistribution steps = mock(ReportDistribution.class);
    ReportProcessStarter starter;

    @BeforeEach
    void delegates() {
        processEngine = engine.getProcessEngine();
        init(processEngine);
        Mocks.register("reportJobRetries", new ReportJobRetries(
                new ReportSettings("R3/PT5M", 10, 1, Period.ofYears(1), Period.ofYears(1), Period.ofDays(90))));
        Mocks.register("generateReportTask", new GenerateReportTask(steps));
        Mocks.register("planReportDeliveriesTask", new PlanReportDeliveriesTask(steps));
        Mocks.register("sendReportTask", new SendReportTask(steps));
        starter = new ReportProcessStarter(processEngine.getRuntimeService(), processEngine.getHistoryService());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aWeekdayMakesTheDailyReportAndMailsItToEachRecipient() {
        when(steps.plan(ACCOUNT, WEDNESDAY)).thenReturn(List.of("contact-person|DAILY", "contact-3|DAILY"));
        ProcessInstance night = start(WEDNESDAY);
        assertThat(night).isWaitingAt("generate-daily");
        verify(steps, never()).generate(anyLong(), any(), any());

        runAllJobs(night);

        assertThat(night).hasPassed("generate-daily", "plan-deliveries", ReportProcess.SEND_ACTIVITY)
                .hasNotPassed("generate-weekly", "generate-monthly").isEnded();
        verify(steps).generate(ACCOUNT, WEDNESDAY, ReportType.DAILY);
        verify(steps).send(ACCOUNT, WEDNESDAY, "contact-person|DAILY");
        verify(steps).send(ACCOUNT, WEDNESDAY, "contact-3|DAILY");
        assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().list()).isEmpty();
    }

    @Test
    void onSundayTheWeekThatEndedFollowsTheDailyReport() {
        ProcessInstance night = start(SATURDAY);
        runAllJobs(night);

        assertThat(night).hasPassed("generate-daily", "generate-weekly").hasNotPassed("generate-monthly").isEnded();
        InOrder order = inOrder(steps);
        order.verify(steps).generate(ACCOUNT, SATURDAY, ReportType.DAILY);
        order.verify(steps).generate(ACCOUNT, SATURDAY, ReportType.WEEKLY);
        order.verify(steps).plan(ACCOUNT, SATURDAY);
    }

    @Test
    void onTheFirstThePreviousMonthFollowsTheDailyReport() {
        ProcessInstance night = start(LAST_OF_NOVEMBER); // a Monday: no weekly
        runAllJobs(night);

        assertThat(night).hasPassed("generate-daily", "generate-monthly").hasNotPassed("generate-weekly").isEnded();
        InOrder order = inOrder(steps);
        order.verify(steps).generate(ACCOUNT, LAST_OF_NOVEMBER, ReportType.DAILY);
        order.verify(steps).generate(ACCOUNT, LAST_OF_NOVEMBER, ReportType.MONTHLY);
        order.verify(steps).plan(ACCOUNT, LAST_OF_NOVEMBER);
    }

    @Test
    void aSecondEventForTheSameAccountAndNightStartsNothing() {
        assertThat(starter.start(ACCOUNT, WEDNESDAY)).isTrue();
        assertThat(starter.start(ACCOUNT, WEDNESDAY)).isFalse();
        runAllJobs(processEngine.getRuntimeService().createProcessInstanceQuery().singleResult());
        assertThat(starter.start(ACCOUNT, WEDNESDAY)).as("nor after the first has ended").isFalse();
        assertThat(starter.start(ACCOUNT, WEDNESDAY.plusDays(1))).as("the next night is another").isTrue();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(2);
    }

    @Test
    void aRefusedMailIsRetriedAfterTheDelayAndTheOtherMailsGo() {
        when(steps.plan(ACCOUNT, WEDNESDAY)).thenReturn(List.of("contact-person|DAILY", "contact-3|DAILY"));
        List<String> refusals = new ArrayList<>(List.of("421 try later"));
        doAnswer(call -> {
            if (!refusals.isEmpty()) {
                throw new Mailer.MailNotDelivered("anna@example.org", refusals.remove(0));
            }
            return null;
        }).when(steps).send(ACCOUNT, WEDNESDAY, "contact-person|DAILY");
        ProcessInstance night = start(WEDNESDAY);
        runAllJobs(night);

        Job failed = onlyJob(night);
        assertThat(failed.getRetries()).as("R3: two tries left").isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("421 try later");
        assertThat(failed.getDuedate()).as("the configured delay").isAfter(Date.from(Instant.now().plus(Duration.ofMinutes(4))));
        verify(steps).send(ACCOUNT, WEDNESDAY, "contact-3|DAILY");

        execute(failed);
        assertThat(night).isEnded();
        verify(steps, times(2)).send(ACCOUNT, WEDNESDAY, "contact-person|DAILY");
        assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void whenTheRetriesRunOutTheMailIsACamundaIncident() {
        when(steps.plan(ACCOUNT, WEDNESDAY)).thenReturn(List.of("contact-person|DAILY"));
        doAnswer(call -> {
            throw new Mailer.MailNotDelivered("anna@example.org", "Connection refused");
        }).when(steps).send(ACCOUNT, WEDNESDAY, "contact-person|DAILY");
        ProcessInstance night = start(WEDNESDAY);
        runAllJobs(night);

        Job failing = onlyJob(night);
        while (failing.getRetries() > 0) {
            execute(failing);
            failing = onlyJob(night);
        }
        verify(steps, times(3)).send(ACCOUNT, WEDNESDAY, "contact-person|DAILY");
        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(night.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).startsWith(ReportProcess.SEND_ACTIVITY);
        assertThat(incident.getIncidentMessage()).contains("Connection refused");
        assertThat(night).isWaitingAt(ReportProcess.SEND_ACTIVITY);
    }

    @Test
    void aFailingReportIsRetriedBeforeAnythingIsMailed() {
        List<String> failures = new ArrayList<>(List.of("database away"));
        doAnswer(call -> {
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.remove(0));
            }
            return null;
        }).when(steps).generate(ACCOUNT, WEDNESDAY, ReportType.DAILY);
        ProcessInstance night = start(WEDNESDAY);
        runAllJobs(night);
        assertThat(night).isWaitingAt("generate-daily");
        verify(steps, never()).plan(anyLong(), any());

        execute(onlyJob(night));
        runAllJobs(night);
        assertThat(night).isEnded();
    }

    ProcessInstance start(LocalDate day) {
        assertThat(starter.start(ACCOUNT, day)).isTrue();
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ReportProcess.businessKey(ACCOUNT, day)).singleResult();
    }

    /** Executes the jobs that are due now (not those waiting for a retry), until none is left. */
    void runAllJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(this::execute);
        }
    }

    void execute(Job job) {
        try {
            processEngine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
            // a failing job: the engine has counted the try down and set the next due date
        }
    }

    Job onlyJob(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    }
}
