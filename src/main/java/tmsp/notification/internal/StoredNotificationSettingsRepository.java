package tmsp.notification.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredNotificationSettingsRepository extends JpaRepository<StoredNotificationSettings, Short> {
}
