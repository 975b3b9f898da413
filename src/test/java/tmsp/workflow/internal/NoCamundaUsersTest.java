package tmsp.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the plugin Camunda's identity service is read-only and knows nobody, so its web apps ask for no setup. */
class NoCamundaUsersTest {

    static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:no-camunda-users;DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("no-camunda-users");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new NoCamundaUsers()));
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theIdentityServiceIsReadOnlyAndEmpty() {
        IdentityService identity = engine.getIdentityService();
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
        assertThat(identity.createUserQuery().userId("admin").singleResult()).isNull();
        assertThat(identity.createGroupQuery().list()).isEmpty();
        assertThat(identity.createTenantQuery().count()).isZero();
    }
}
