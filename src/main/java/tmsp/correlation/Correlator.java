package tmsp.correlation;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** Runs one correlation window's detections through a rule base. Sessions are per run and always disposed. */
public final class Correlator {

    private Correlator() {
    }

    public static List<IncidentFinding> correlate(KieBase rules, Iterable<DetectionFact> detections) {
        KieSession session = rules.newKieSession();
        try {
            Findings findings = new Findings();
            session.setGlobal("findings", findings);
            detections.forEach(session::insert);
            session.fireAllRules();
            return findings.all();
        } finally {
            session.dispose();
        }
    }
}
