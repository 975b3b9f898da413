package tmsp.incident.internal;

/** No incident with this id (or none the caller may see: both answer the same, so ids tell a customer nothing). */
class IncidentNotFound extends RuntimeException {

    IncidentNotFound(long id) {
        super("No incident " + id);
    }
}
