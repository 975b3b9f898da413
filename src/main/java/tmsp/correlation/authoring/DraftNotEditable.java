package tmsp.correlation.authoring;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The version is not in the state the change needs: e.g. a draft in review cannot be edited. */
@ResponseStatus(HttpStatus.CONFLICT)
public class DraftNotEditable extends RuntimeException {

    public DraftNotEditable(long id, String state) {
        super("Rule set version #" + id + " is " + state.toLowerCase(Locale.ROOT).replace('_', ' ')
                + ": that change is not possible now");
    }
}
