package tmsp.notification.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.web.MenuEntry;

/** Administration › Notification settings. */
@Configuration
class NotificationMenu {

    @Bean
    MenuEntry notificationSettingsMenuEntry() {
        return MenuEntry.administration(40, "notification.settings.title", "/admin/notifications");
    }
}
