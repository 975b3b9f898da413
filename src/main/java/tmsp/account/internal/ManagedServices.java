package tmsp.account.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManagedServices extends JpaRepository<ManagedService, Long> {

    List<ManagedService> findAllByOrderBySortOrderAsc();
}
