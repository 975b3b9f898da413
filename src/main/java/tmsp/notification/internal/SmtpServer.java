package tmsp.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The mail server the portal sends through. There is one; its password is kept to log on to the server (so it
 * cannot be a hash), stored sealed ({@link SecretBox}) and never shown again once saved.
 */
@Entity
@Table(name = "smtp_servers")
class SmtpServer {

    static final short THE_ONE = 1;

    @Id
    private short id = THE_ONE;
    private String host;
    private int port;
    @Enumerated(EnumType.STRING)
    private SmtpSecurity security;
    private String sender;
    private String username;
    @Convert(converter = SealedSecret.class)
    private String password;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    SmtpServer() {
    }

    /**
     * Takes the new settings; a blank password keeps the stored one, and no user name means no logon at all.
     *
     * @return whether the password changed
     */
    boolean change(SmtpSettings next, String actor, Instant now) {
        String nextPassword = next.username() == null ? null
                : next.password() == null ? password : next.password();
        boolean passwordChanged = !Objects.equals(nextPassword, password);
        host = next.host();
        port = next.port();
        security = next.security();
        sender = next.sender();
        username = next.username();
        password = nextPassword;
        updatedBy = actor;
        updatedAt = now;
        return passwordChanged;
    }

    SmtpSettings settings() {
        return new SmtpSettings(host, port, security, sender, username, password);
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
