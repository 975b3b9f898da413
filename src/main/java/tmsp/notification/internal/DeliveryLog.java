package tmsp.notification.internal;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The delivery log's rows. */
interface DeliveryLog extends JpaRepository<DeliveryLogEntry, Long> {

    Page<DeliveryLogEntry> findByAccountIdOrderByAttemptedAtDescIdDesc(long accountId, Pageable page);

    List<DeliveryLogEntry> findTop5ByAccountIdOrderByAttemptedAtDescIdDesc(long accountId);

    /** The recipients that already have the mail for {@code correlationKey}: a retry leaves them out. */
    @Query("select distinct e.recipient from DeliveryLogEntry e where e.correlationKey = ?1 and e.delivered = true")
    List<String> deliveredRecipients(String correlationKey);
}
