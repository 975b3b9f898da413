package tmsp.report.internal;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.account.AccountLookup;
import tmsp.maintenance.RetainedData;

/**
 * Two kinds of data for log maintenance: {@code reports} (every stored report) and
 * {@code reports-of-deleted-accounts} (those of accounts that no longer exist, usually kept for a shorter time).
 */
@Configuration(proxyBeanMethods = false)
class ReportRetention {

    @Bean
    RetainedData reportsRetained(StoredReports reports, ReportSettings settings) {
        return new RetainedData() {
            @Override
            public String kind() {
                return "reports";
            }

            @Override
            public Period defaultRetention() {
                return settings.retention();
            }

            @Override
            public long storageBytes() {
                return reports.storageBytes();
            }

            @Override
            public long purgeOlderThan(Instant cutoff) {
                return reports.purgeGeneratedBefore(cutoff, null);
            }
        };
    }

    @Bean
    RetainedData reportsOfDeletedAccountsRetained(StoredReports reports, AccountLookup accounts, ReportSettings settings) {
        return new RetainedData() {
            @Override
            public String kind() {
                return "reports-of-deleted-accounts";
            }

            @Override
            public Period defaultRetention() {
                return settings.deletedAccountRetention();
            }

            @Override
            public long storageBytes() {
                long[] bytes = {0};
                reports.sizesByAccount(row -> {
                    if (accounts.byId(row[0]).isEmpty()) {
                        bytes[0] += row[1];
                    }
                });
                return bytes[0];
            }

            @Override
            public long purgeOlderThan(Instant cutoff) {
                List<Long> deleted = new ArrayList<>();
                reports.sizesByAccount(row -> {
                    if (accounts.byId(row[0]).isEmpty()) {
                        deleted.add(row[0]);
                    }
                });
                return deleted.isEmpty() ? 0 : reports.purgeGeneratedBefore(cutoff, deleted);
            }
        };
    }
}
