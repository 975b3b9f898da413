package tmsp.account.internal;

import java.time.Instant;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import tmsp.account.SecurityCompliance;

interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByNameKey(String nameKey);

    /** The account, locked until the transaction ends: two requests to delete it start one process. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> lockById(long id);

    @Query("select a.id from Account a order by a.id")
    java.util.List<Long> findAllIds();

    @Query("select a.id, a.name from Account a where a.id in :ids")
    java.util.List<Object[]> findNames(java.util.Collection<Long> ids);

    /** Every other account's id and name, by name: where an account's products may go. */
    @Query("select a.id, a.name from Account a where a.id <> :id order by a.nameKey")
    java.util.List<Object[]> findOtherNames(long id);

    Optional<Account> findByRegistrationUser(String registrationUser);

    java.util.List<Account> findByManagedById(Long managedById);

    /** Last Received only moves forward: a late, slow upload must not hide a newer one. */
    @Modifying
    @Query("update Account a set a.lastReceived = :at where a.id = :id and (a.lastReceived is null or a.lastReceived < :at)")
    int moveLastReceived(long id, Instant at);

    @Modifying
    @Query("update Account a set a.securityCompliance = :compliance where a.id = :id")
    int setCompliance(long id, SecurityCompliance compliance);

    @Modifying
    @Query("update Account a set a.incidentCount = :count, a.incidentsComputedAt = :at where a.id = :id")
    int setIncidents(long id, int count, Instant at);
}
