package tmsp.notification.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface SmtpServers extends JpaRepository<SmtpServer, Short> {
}
