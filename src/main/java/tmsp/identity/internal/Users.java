package tmsp.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import tmsp.identity.Role;

interface Users extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    Optional<User> findByAccountId(Long accountId);

    boolean existsByUsername(String username);

    List<User> findAllByOrderByUsernameAsc();

    @Query("select u from User u join u.roles r where r = :role and u.enabled = true order by u.username")
    List<User> findEnabledWithRole(Role role);
}
