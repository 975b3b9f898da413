package tmsp.correlation.authoring.editor;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.web.MenuEntry;

/** Rules in the main menu: analysts edit, administrators read; customers never see it. */
@Configuration
class RulesMenu {

    @Bean
    MenuEntry rulesMenuEntry() {
        return new MenuEntry(30, "rules.menu", RuleSetsController.PATH, Set.of("ADMIN", "ANALYST"));
    }
}
