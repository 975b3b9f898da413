package tmsp.identity;

import java.util.List;
import java.util.Optional;

/** The people an account can be managed by. */
public interface Administrators {

    record Administrator(long id, String username, String displayName) {
        public String label() {
            return displayName == null || displayName.isBlank() ? username : displayName + " (" + username + ")";
        }
    }

    List<Administrator> all();

    Optional<Administrator> byId(long id);
}
