package tmsp.workflow.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in user as the task list sees it: the user name (a task's assignee) and the roles without prefix
 * (the candidate groups it may take tasks from).
 */
record Worker(String name, List<String> groups) {

    static final String ROLE_PREFIX = "ROLE_";

    Worker {
        groups = List.copyOf(groups);
    }

    static Worker of(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length())).sorted().toList();
        return new Worker(authentication.getName(), roles);
    }

    boolean isAdmin() {
        return groups.contains("ADMIN");
    }

    boolean inAnyOf(Collection<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(groups::contains);
    }
}
