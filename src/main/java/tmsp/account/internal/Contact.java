package tmsp.account.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person on the account's contact list: receives reports and notifications in their language. */
@Entity
@Table(name = "contacts")
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    private String name;
    private String email;
    private String language;
    private Instant createdAt;

    protected Contact() {
    }

    Contact(Account account, String name, String email, String language) {
        this.account = account;
        this.name = name.trim();
        this.email = email;
        this.language = language;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getLanguage() { return language; }
    public Instant getCreatedAt() { return createdAt; }
}
