package tmsp.workflow.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tmsp.web.MenuEntry;

/** "Tasks" for everyone signed in, with the number of open tasks waiting; Camunda Cockpit for administrators. */
@Configuration
class TasksMenu {

    static final String COCKPIT = CamundaSecurity.WEBAPPS + "/app/cockpit/default/";

    @Bean
    MenuEntry tasksMenuEntry(TaskInbox inbox) {
        return new MenuEntry(10, "tasks.menu", "/tasks", Set.of(),
                authentication -> inbox.count(Worker.of(authentication)));
    }

    @Bean
    MenuEntry cockpitMenuEntry() {
        return new MenuEntry(90, "tasks.menu.cockpit", COCKPIT, Set.of("ADMIN"));
    }
}
