package tmsp.incident.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.web.MenuEntry;

/** The main menu's "Incidents" entry, for staff (a customer reaches its incidents from its account page). */
@Configuration
class IncidentMenu {

    @Bean
    MenuEntry incidentsMenuEntry() {
        return new MenuEntry(20, "incident.menu", "/incidents", Set.of("ADMIN", "ANALYST"));
    }
}
