package tmsp.maintenance.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.web.MenuEntry;

/** Administration › Log maintenance. */
@Configuration
class MaintenanceMenu {

    @Bean
    MenuEntry maintenanceMenuEntry() {
        return MenuEntry.administration(50, "maintenance.menu", MaintenanceController.PATH);
    }
}
