package tmsp.notification.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Seals a mail server password stored in the clear before passwords were sealed (V24), once, at start. */
@Component
class SmtpPasswordSealing {

    private final JdbcTemplate jdbc;
    private final SecretBox box;

    SmtpPasswordSealing(JdbcTemplate jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void sealStoredPassword() {
        jdbc.queryForList("select password from smtp_servers where id = ?", String.class, SmtpServer.THE_ONE)
                .stream().filter(p -> p != null && !SecretBox.isSealed(p)).findFirst()
                // compared with what was read, so a password saved meanwhile is left alone
                .ifPresent(plain -> jdbc.update("update smtp_servers set password = ? where id = ? and password = ?",
                        box.seal(plain), SmtpServer.THE_ONE, plain));
    }
}
