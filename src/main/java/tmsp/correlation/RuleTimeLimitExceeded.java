package tmsp.correlation;

import java.time.Duration;

/** A session worked longer than its limit and was stopped: a rule is too slow for the detections it was given. */
public class RuleTimeLimitExceeded extends RuntimeException {

    public RuleTimeLimitExceeded(Duration limit, String firing) {
        super("The rules were stopped after " + limit.toSeconds() + " s, the time limit"
                + (firing == null ? "" : "; the last rule to fire was \"" + firing + "\""));
    }
}
