package tmsp.correlation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The global a session's rules report into; the same rule and key found twice count once. */
public final class Findings {

    private final Map<String, IncidentFinding> byKey = new LinkedHashMap<>();

    public void add(IncidentFinding finding) {
        byKey.put(finding.ruleId() + "|" + finding.key(), finding);
    }

    public List<IncidentFinding> all() {
        return Collections.unmodifiableList(new ArrayList<>(byKey.values()));
    }
}
