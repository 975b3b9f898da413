package tmsp.account.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No account with that id: the web shows 404, the API a problem detail. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class AccountNotFound extends RuntimeException {

    AccountNotFound(long id) {
        super("No account " + id);
    }
}
