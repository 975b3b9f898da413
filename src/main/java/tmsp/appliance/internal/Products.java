package tmsp.appliance.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Products extends JpaRepository<RegisteredProduct, Long> {

    List<RegisteredProduct> findByAccountIdOrderByHostnameAsc(long accountId);

    long countByAccountId(long accountId);
}
