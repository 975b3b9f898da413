package tmsp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * daily-correlation.bpmn alone, on an in-memory engine without Spring: its two delegates are replaced by
 * stand-ins (they are the process's edges), jobs are executed by the test.
 */
@Deployment(resources = "processes/daily-correlation.bpmn")
class DailyCorrelationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    static final int RETRIES = 2;

    ProcessEngine processEngine;
    final List<String> queuedDays = new CopyOnWriteArrayList<>();
    final List<Long> correlated = new CopyOnWriteArrayList<>();
    final List<Long> attempts = new CopyOnWriteArrayList<>();
    volatile long broken = -1;

    @BeforeEach
    void standIns() {
        processEngine = engine.getProcessEngine();
        init(processEngine);
        Mocks.register("correlationJobRetries", new CorrelationJobRetries(
                new CorrelationSettings("0 0 2 * * *", ZoneOffset.UTC, RETRIES, Duration.ofMinutes(5), Duration.ofDays(14), 3)));
        Mocks.register("queueNightlyRunsTask", (JavaDelegate) execution -> {
            queuedDays.add((String) execution.getVariable(CorrelationProcess.DAY));
            execution.setVariable(CorrelationProcess.RUN_IDS, CorrelationProcess.runIds(List.of(11L, 12L, 13L)));
        });
        Mocks.register("correlateAccountTask", (JavaDelegate) execution -> {
            long runId = ((Number) execution.getVariable(CorrelationProcess.RUN_ID)).longValue();
            attempts.add(runId);
            if (runId == broken) {
                throw new IllegalStateException("database gone for run " + runId);
            }
            correlated.add(runId);
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theNightQueuesOneRunPerAccountAndEachRunsInAJobOfItsOwn() {
        ProcessInstance night = startNight();
        assertThat(night).isWaitingAt("queue-runs");
        execute(onlyJob(night));
        assertThat(queuedDays).containsExactly("2026-11-30");

        List<Job> jobs = jobsOf(night);
        assertThat(jobs).hasSize(3);
        assertThat(jobs).allSatisfy(job -> assertThat(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job)
                .isExclusive()).as("shared by the cluster, not serialised on one node").isFalse());
        assertThat(night).isWaitingAt(CorrelationProcess.CORRELATE_ACTIVITY);
        assertThat(correlated).as("nothing runs before the job executor takes the jobs").isEmpty();

        jobs.forEach(this::execute);
        assertThat(correlated).containsExactlyInAnyOrder(11L, 12L, 13L);
        assertThat(night).hasPassed("queue-runs", CorrelationProcess.CORRELATE_ACTIVITY).isEnded();
        assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().list())
                .as("the run ids are never stored").isEmpty();
    }

    @Test
    void aFailingAccountJobBecomesAnIncidentAfterItsRetriesWhileTheOthersFinishAndARetryCompletesIt() {
        broken = 12L;
        ProcessInstance night = startNight();
        execute(onlyJob(night));
        for (Job job : jobsOf(night)) {
            tryToExecute(job);
        }
        assertThat(correlated).containsExactlyInAnyOrder(11L, 13L);

        Job failing = onlyJob(night);
        assertThat(failing.getDuedate()).as("the configured delay before the retry")
                .isAfter(java.util.Date.from(java.time.Instant.now().plus(Duration.ofMinutes(4))));
        while (failing.getRetries() > 0) {
            tryToExecute(failing);
            failing = onlyJob(night);
        }
        assertThat(attempts.stream().filter(id -> id == 12L).count()).as("tried job-retries times in all").isEqualTo(RETRIES);
        assertThat(failing.getExceptionMessage()).contains("database gone for run 12");
        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(night.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).isEqualTo(CorrelationProcess.CORRELATE_ACTIVITY);
        assertThat(night).isWaitingAt(CorrelationProcess.CORRELATE_ACTIVITY);

        broken = -1;
        processEngine.getManagementService().setJobRetries(failing.getId(), 1);
        assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(night.getId()).count())
                .as("retrying resolves the incident").isZero();
        execute(onlyJob(night));
        assertThat(correlated).containsExactlyInAnyOrder(11L, 12L, 13L);
        assertThat(night).isEnded();
    }

    @Test
    void aRequestedRunIsOneJobWithoutQueuingTheNight() {
        ProcessInstance run = processEngine.getRuntimeService()
                .createMessageCorrelation(CorrelationProcess.RUN_REQUESTED)
                .processInstanceBusinessKey(CorrelationProcess.runKey(42))
                .setVariable(CorrelationProcess.RUN_IDS, CorrelationProcess.runIds(List.of(42L)))
                .correlateStartMessage();
        assertThat(run).isWaitingAt(CorrelationProcess.CORRELATE_ACTIVITY);
        assertThat(correlated).isEmpty();
        execute(onlyJob(run));
        assertThat(correlated).containsExactly(42L);
        assertThat(queuedDays).isEmpty();
        assertThat(run).hasNotPassed("queue-runs").isEnded();
    }

    @Test
    void aFailedQueueJobIsRetriedAndLosesNothing() {
        Mocks.register("queueNightlyRunsTask", (JavaDelegate) execution -> {
            throw new IllegalStateException("no accounts table");
        });
        ProcessInstance night = startNight();
        tryToExecute(onlyJob(night));
        Job job = onlyJob(night);
        assertThat(job.getRetries()).isEqualTo(RETRIES - 1);
        assertThat(job.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(Duration.ofMinutes(4))));
        assertThat(job.getExceptionMessage()).contains("no accounts table");
        assertThat(night).isWaitingAt("queue-runs");
    }

    ProcessInstance startNight() {
        return processEngine.getRuntimeService().createMessageCorrelation(CorrelationProcess.NIGHTLY_DUE)
                .processInstanceBusinessKey(CorrelationProcess.nightlyKey(java.time.LocalDate.parse("2026-11-30")))
                .setVariable(CorrelationProcess.DAY, "2026-11-30").correlateStartMessage();
    }

    List<Job> jobsOf(ProcessInstance instance) {
        return new ArrayList<>(processEngine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).list());
    }

    Job onlyJob(ProcessInstance instance) {
        List<Job> jobs = jobsOf(instance);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    void execute(Job job) {
        processEngine.getManagementService().executeJob(job.getId());
    }

    /** Executes a job that may fail, as the job executor would: a failure is recorded on the job. */
    void tryToExecute(Job job) {
        try {
            execute(job);
        } catch (RuntimeException expectedForTheBrokenRun) {
            assertThat(expectedForTheBrokenRun).hasMessageContaining(String.valueOf(broken > 0 ? broken : ""));
        }
    }
}
