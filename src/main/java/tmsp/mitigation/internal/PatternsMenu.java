package tmsp.mitigation.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.web.MenuEntry;

/** Mitigation patterns in the main menu, for administrators. */
@Configuration
class PatternsMenu {

    @Bean
    MenuEntry mitigationPatternsMenuEntry() {
        return new MenuEntry(60, "mitigation.patterns.menu", "/mitigation/patterns", Set.of("ADMIN"));
    }
}
