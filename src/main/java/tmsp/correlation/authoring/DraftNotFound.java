package tmsp.correlation.authoring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No rule set version with this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DraftNotFound extends RuntimeException {

    public DraftNotFound(long id) {
        super("No rule set version #" + id);
    }
}
