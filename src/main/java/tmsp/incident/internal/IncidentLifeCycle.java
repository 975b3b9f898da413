package tmsp.incident.internal;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.incident.IncidentEvents.IncidentStatusChanged;
import tmsp.incident.IncidentStatus;

/** Acknowledges, resolves and reopens incidents; each change is published (the system log records it). */
@Service
class IncidentLifeCycle {

    private final Incidents incidents;
    private final ApplicationEventPublisher events;

    IncidentLifeCycle(Incidents incidents, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.events = events;
    }

    /**
     * Moves the incident to {@code to}; asking for the status it already has changes nothing and logs nothing.
     *
     * @throws IncidentNotFound when there is no such incident
     * @throws IllegalIncidentTransition when the life cycle does not allow the change
     */
    @Transactional
    public IncidentStatus change(long incidentId, IncidentStatus to, String actor) {
        Incident incident = incidents.findById(incidentId).orElseThrow(() -> new IncidentNotFound(incidentId));
        IncidentStatus from = incident.status();
        if (from == to) {
            return from;
        }
        Instant now = Instant.now();
        switch (to) {
            case ACKNOWLEDGED -> incident.acknowledge(actor, now);
            case RESOLVED -> incident.resolve(actor, now);
            case OPEN -> incident.reopen(now);
        }
        events.publishEvent(new IncidentStatusChanged(actor, incident.id(), incident.accountId(), incident.key(),
                incident.title(), from, to));
        return to;
    }
}
