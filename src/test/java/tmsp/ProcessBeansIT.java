package tmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import tmsp.support.IntegrationTest;

/** Every bean a process names (delegates, retry cycles) exists, so a renamed bean fails here, not at night. */
@IntegrationTest
class ProcessBeansIT {

    /** {@code camunda:delegateExpression="${bean}"} and {@code <camunda:failedJobRetryTimeCycle>${bean.x}}. */
    static final Pattern BEAN = Pattern.compile(
            "(?:delegateExpression=\"|failedJobRetryTimeCycle>)\\$\\{([A-Za-z_][A-Za-z0-9_]*)[.}]");

    @Autowired ApplicationContext context;

    @Test
    void everyBeanNamedByAProcessExists() throws Exception {
        Resource[] processes = context.getResources("classpath*:processes/**/*.bpmn");
        assertThat(processes).as("the shipped processes").isNotEmpty();
        List<String> named = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Resource process : processes) {
            Matcher m = BEAN.matcher(process.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                named.add(m.group(1));
                if (!context.containsBean(m.group(1))) {
                    missing.add(process.getFilename() + ": " + m.group(1));
                }
            }
        }
        assertThat(named).contains("checkAccountDeletionTask", "moveProductsTask", "deleteAccountTask", "queueNightlyRunsTask", "correlateAccountTask",
                "correlationJobRetries", "generateReportTask", "planReportDeliveriesTask", "sendReportTask", "reportJobRetries",
                "publishRuleDraftTask", "returnRuleDraftTask", "rulePublicationRetries",
                "announceThreatSampleTask", "dismissMitigationCaseTask", "submitThreatSampleTask", "recordVendorCaseTask",
                "releaseCleanupPatternTask", "closeMitigationCaseTask", "mitigationRetries");
        assertThat(missing).isEmpty();
    }
}
