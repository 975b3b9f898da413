package tmsp.appliance.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Products extends JpaRepository<RegisteredProduct, Long> {

    List<RegisteredProduct> findByAccountIdOrderByHostnameAsc(long accountId);

    long countByAccountId(long accountId);

    Optional<RegisteredProduct> findByGuid(String guid);

    List<RegisteredProduct> findByEnabledTrueAndSubscriptionExpiresIsNotNull();


    @Query("select p from RegisteredProduct p where p.enabled = true and p.heartbeatOverdue = false "
            + "and coalesce(p.lastHeartbeatAt, p.registeredAt) < :before")
    List<RegisteredProduct> findSilentSince(Instant before);
}
