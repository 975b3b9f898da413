package tmsp.account.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tmsp.account.SecurityCompliance;

/** A customer account: the aggregate root of its contacts and subscribed services. */
@Entity
@Table(name = "accounts")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    /** Lower-case name: account names are unique regardless of case. */
    private String nameKey;
    private String companyName;
    private String companyAddress;
    private String companyCountry;
    private String companyPhone;
    private String contactFirstName;
    private String contactLastName;
    private String contactEmail;
    private String registrationUser;
    private String registrationPasswordHash;
    private Long managedById;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String reportLanguage;
    /** The subscribed services' names, sorted and joined: what the list shows and sorts by. */
    private String servicesLabel = "";
    /** Name, company, services and manager in lower case: what the list's filter searches (trigram-indexed). */
    private String searchText = "";
    // Activity columns move through AccountActivity's single-column updates, never with the form.
    @Column(insertable = false, updatable = false)
    private Integer incidentCount;
    @Column(insertable = false, updatable = false)
    private Instant incidentsComputedAt;
    @Column(insertable = false, updatable = false)
    private Instant lastReceived;
    @Column(insertable = false, updatable = false)
    @Enumerated(EnumType.STRING)
    private SecurityCompliance securityCompliance;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(name = "account_services", joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "service_id"))
    private Set<ManagedService> services = new LinkedHashSet<>();

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Contact> contacts = new ArrayList<>();

    protected Account() {
    }

    static Account open(AccountDetails details, String registrationPasswordHash, Set<ManagedService> services) {
        Account account = new Account();
        account.createdAt = Instant.now();
        account.revise(details);
        account.registrationPasswordHash = registrationPasswordHash;
        account.subscribe(services);
        return account;
    }

    /** @param managerNames the managing administrator's display name and user name, as the filter may find them */
    void refreshSearchText(String managerNames) {
        String text = String.join(" ", name, companyName, servicesLabel, managerNames == null ? "" : managerNames);
        this.searchText = text.toLowerCase(Locale.ROOT);
    }

    static String keyOf(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    void revise(AccountDetails d) {
        this.name = d.name().trim();
        this.nameKey = keyOf(d.name());
        this.companyName = d.companyName().trim();
        this.companyAddress = trimToNull(d.companyAddress());
        this.companyCountry = trimToNull(d.companyCountry());
        this.companyPhone = trimToNull(d.companyPhone());
        this.contactFirstName = d.contactFirstName().trim();
        this.contactLastName = d.contactLastName().trim();
        this.contactEmail = trimToNull(d.contactEmail());
        this.registrationUser = d.registrationUser().trim();
        this.managedById = d.managedById();
        this.validFrom = d.validFrom();
        this.validTo = d.validTo();
        this.reportLanguage = d.reportLanguage();
        this.updatedAt = Instant.now();
    }

    void changeRegistrationPassword(String hash) {
        this.registrationPasswordHash = hash;
        this.updatedAt = Instant.now();
    }

    void subscribe(Set<ManagedService> chosen) {
        this.services.clear();
        this.services.addAll(chosen);
        this.servicesLabel = chosen.stream().sorted(Comparator.comparingInt(ManagedService::getSortOrder))
                .map(ManagedService::getName).collect(Collectors.joining(", "));
    }

    /** @throws DuplicateContactException if the address is already on the list */
    Contact addContact(String contactName, String email, String language) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (contacts.stream().anyMatch(c -> c.getEmail().equals(address))) {
            throw new DuplicateContactException(address);
        }
        Contact contact = new Contact(this, contactName, address, language);
        contacts.add(contact);
        return contact;
    }

    Optional<Contact> removeContact(long contactId) {
        Optional<Contact> found = contacts.stream().filter(c -> c.getId() == contactId).findFirst();
        found.ifPresent(contacts::remove);
        return found;
    }

    static class DuplicateContactException extends RuntimeException {
        DuplicateContactException(String email) {
            super("already on the contact list: " + email);
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getCompanyName() { return companyName; }
    public String getCompanyAddress() { return companyAddress; }
    public String getCompanyCountry() { return companyCountry; }
    public String getCompanyPhone() { return companyPhone; }
    public String getContactFirstName() { return contactFirstName; }
    public String getContactLastName() { return contactLastName; }
    public String getContactEmail() { return contactEmail; }
    public String getRegistrationUser() { return registrationUser; }
    String getRegistrationPasswordHash() { return registrationPasswordHash; }
    public Long getManagedById() { return managedById; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public String getReportLanguage() { return reportLanguage; }
    public String getServicesLabel() { return servicesLabel; }
    public Integer getIncidentCount() { return incidentCount; }
    public Instant getIncidentsComputedAt() { return incidentsComputedAt; }
    public Instant getLastReceived() { return lastReceived; }
    public SecurityCompliance getSecurityCompliance() { return securityCompliance; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public Set<ManagedService> getServices() { return services; }
    public List<Contact> getContacts() { return contacts; }
}
