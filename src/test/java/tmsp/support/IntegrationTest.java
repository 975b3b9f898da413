package tmsp.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal on its own PostgreSQL database, on a random port, with MockMvc beside it. Every
 * integration test uses this one annotation so that they share one cached application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tmsp.demo-data=false",
        "tmsp.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
        "camunda.bpm.job-execution.enabled=false",
        "tmsp.ingest.max-body=2MB", "tmsp.ingest.max-decompressed=4MB",
        // Tests call the overdue check themselves; the schedule would race with them.
        "tmsp.heartbeat.check-every=1h",
        // Tests start nights themselves; a context started on a database with claimed nights would start more.
        "tmsp.correlation.catch-up-nights=0",
        // The start-up warm-up of the rule engine only costs every test context CPU (RuleEngineWarmUpIT covers it).
        "tmsp.correlation.warm-up-detections=0",
        // Heartbeats over MQTT against the Mosquitto on loopback (tmsp.mqtt.broker-url's default).
        "tmsp.mqtt.enabled=true",
        // Samples over the limit without sending hundreds of megabytes; files kept apart from a portal's own.
        "tmsp.mitigation.max-sample-size=5MB", "tmsp.mitigation.storage=target/mitigation-it",
        // Samples sent to the vendor land in a drop folder of the build; the route tries again quickly; a small
        // pattern limit lets the Patterns page's tests go past it cheaply (ThreatMitigationIT).
        "tmsp.mitigation.vendor-endpoint=file:target/it-vendor-dropbox",
        "tmsp.mitigation.vendor-retry-delay=50",
        "tmsp.mitigation.max-pattern-size=64KB"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = {PostgresTestDatabase.class, FreeSyslogPort.class})
@AutoConfigureMockMvc
@Import({StatementCounter.class, TestTaskForm.class})
public @interface IntegrationTest {

    String ADMIN_PASSWORD = "admin-password-for-tests";
}
