package tmsp.account.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import tmsp.account.SecurityCompliance;

/** An account as the JSON API shows it: every field but the passwords. */
record AccountView(long id, String name, String companyName, String companyAddress, String companyCountry,
                   String companyPhone, Contact contact, String registrationUser, String portalUser,
                   List<Service> services, Long managedById, LocalDate validFrom, LocalDate validTo,
                   String reportLanguage, Integer incidents, Instant incidentsComputedAt, Instant lastReceived,
                   SecurityCompliance securityCompliance, List<ContactView> contacts, Instant createdAt,
                   Instant updatedAt) {

    record Contact(String firstName, String lastName, String email) {
    }

    record Service(long id, String code, String name) {
    }

    record ContactView(long id, String name, String email, String language) {
        static ContactView of(tmsp.account.internal.Contact c) {
            return new ContactView(c.getId(), c.getName(), c.getEmail(), c.getLanguage());
        }
    }

    static AccountView of(Account a, String portalUser) {
        return new AccountView(a.getId(), a.getName(), a.getCompanyName(), a.getCompanyAddress(),
                a.getCompanyCountry(), a.getCompanyPhone(),
                new Contact(a.getContactFirstName(), a.getContactLastName(), a.getContactEmail()),
                a.getRegistrationUser(), portalUser,
                a.getServices().stream().sorted(Comparator.comparingInt(ManagedService::getSortOrder))
                        .map(s -> new Service(s.getId(), s.getCode(), s.getName())).toList(),
                a.getManagedById(), a.getValidFrom(), a.getValidTo(), a.getReportLanguage(), a.getIncidentCount(),
                a.getIncidentsComputedAt(), a.getLastReceived(), a.getSecurityCompliance(),
                a.getContacts().stream().map(ContactView::of).toList(), a.getCreatedAt(), a.getUpdatedAt());
    }
}
