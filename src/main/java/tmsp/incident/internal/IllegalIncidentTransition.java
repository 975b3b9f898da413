package tmsp.incident.internal;

import tmsp.incident.IncidentStatus;

/** A status change the life cycle does not allow (e.g. acknowledging a resolved incident: reopen it first). */
class IllegalIncidentTransition extends RuntimeException {

    private final IncidentStatus from;
    private final IncidentStatus to;

    IllegalIncidentTransition(IncidentStatus from, IncidentStatus to) {
        super("An incident that is " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    IncidentStatus from() {
        return from;
    }

    IncidentStatus to() {
        return to;
    }
}
