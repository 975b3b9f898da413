package tmsp.incident.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No incident with this id (or none the caller may see: both answer the same, so ids tell a customer nothing). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class IncidentNotFound extends RuntimeException {

    IncidentNotFound(long id) {
        super("No incident " + id);
    }
}
