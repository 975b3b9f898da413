package tmsp.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.identity.Administrators;
import tmsp.identity.Role;

@Service
@Transactional(readOnly = true)
class AdministratorDirectory implements Administrators {

    private final Users users;

    AdministratorDirectory(Users users) {
        this.users = users;
    }

    @Override
    public List<Administrator> all() {
        return users.findEnabledWithRole(Role.ADMIN).stream().map(AdministratorDirectory::toAdministrator).toList();
    }

    @Override
    public Optional<Administrator> byId(long id) {
        return users.findById(id).filter(u -> u.getRoles().contains(Role.ADMIN) && u.isEnabled())
                .map(AdministratorDirectory::toAdministrator);
    }

    private static Administrator toAdministrator(User user) {
        return new Administrator(user.getId(), user.getUsername(), user.getDisplayName());
    }
}
