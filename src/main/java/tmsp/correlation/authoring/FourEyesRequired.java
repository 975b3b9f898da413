package tmsp.correlation.authoring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The author of a draft tried to approve or reject it: a second person reviews. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class FourEyesRequired extends RuntimeException {

    public FourEyesRequired(String label) {
        super("The author of " + label + " cannot review it: another analyst or an administrator does");
    }
}
