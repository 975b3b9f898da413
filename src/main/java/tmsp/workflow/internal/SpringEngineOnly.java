package tmsp.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.stereotype.Component;

/**
 * Camunda's web apps and REST API find their engine through {@link ProcessEngines}, which on first use scans the
 * classpath for a {@code camunda.cfg.xml} and builds whatever engine that describes, under the same name as ours
 * (the process tests' in-memory engine did exactly that in the integration tests). The Spring-managed engine
 * registered itself when it was built; marking the registry initialized keeps it the only one.
 */
@Component
class SpringEngineOnly {

    SpringEngineOnly(ProcessEngine engine) {
        Registry.markInitialized();
    }

    /** Reaches the registry's protected flag. */
    private abstract static class Registry extends ProcessEngines {
        static void markInitialized() {
            synchronized (ProcessEngines.class) {
                isInitialized = true;
            }
        }
    }
}
