package tmsp.audit.internal;

import java.time.Instant;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEvents extends JpaRepository<AuditEvent, Long> {

    Page<AuditEvent> findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderByOccurredAtDescIdDesc(
            Instant from, Instant to, Pageable pageable);

    @Query("select e from AuditEvent e where e.occurredAt >= :from and e.occurredAt < :to order by e.occurredAt, e.id")
    Stream<AuditEvent> streamBetween(Instant from, Instant to);
}
