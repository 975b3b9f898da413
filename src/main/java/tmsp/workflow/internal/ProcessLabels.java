package tmsp.workflow.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The names of processes and the business keys of their instances for one page of tasks, one query each (a task
 * knows neither). Business keys come from history, which has running and finished instances alike.
 */
@Component
class ProcessLabels {

    /** What a page of tasks shows about their processes. */
    record Labels(Map<String, String> processNames, Map<String, String> businessKeys) {
        String processName(String definitionId) {
            return processNames.getOrDefault(definitionId, definitionId);
        }

        String businessKey(String instanceId) {
            return businessKeys.get(instanceId);
        }
    }

    private final RepositoryService repository;
    private final HistoryService history;

    ProcessLabels(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    Labels of(Collection<String> definitionIds, Collection<String> instanceIds) {
        Set<String> definitions = new HashSet<>(definitionIds);
        Set<String> instances = new HashSet<>(instanceIds);
        definitions.remove(null);
        instances.remove(null);
        Map<String, String> names = definitions.isEmpty() ? Map.of()
                : repository.createProcessDefinitionQuery().processDefinitionIdIn(definitions.toArray(String[]::new))
                .list().stream().collect(Collectors.toMap(ProcessDefinition::getId, ProcessLabels::nameOf));
        Map<String, String> keys = instances.isEmpty() ? Map.of()
                : history.createHistoricProcessInstanceQuery().processInstanceIds(instances).list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(p -> p.getId(), p -> p.getBusinessKey()));
        return new Labels(names, keys);
    }

    private static String nameOf(ProcessDefinition definition) {
        return definition.getName() != null ? definition.getName() : definition.getKey();
    }
}
