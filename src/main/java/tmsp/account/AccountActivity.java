package tmsp.account;

import java.time.Instant;

/** How appliances and correlation move an account's Last Received, Security Compliance and Incidents. */
public interface AccountActivity {

    /** Moves Last Received forward (never back) when a product finished an upload. */
    void logsReceived(long accountId, Instant finishedAt);

    void complianceReported(long accountId, SecurityCompliance compliance);

    void incidentsCounted(long accountId, int incidents, Instant computedAt);
}
