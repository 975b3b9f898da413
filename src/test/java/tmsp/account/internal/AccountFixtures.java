package tmsp.account.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** Valid account forms for tests; each call with a different name gives a different account. */
final class AccountFixtures {

    static final String PASSWORD = "correct-horse-battery";

    private AccountFixtures() {
    }

    static AccountForm form(String name, long managedById, Set<Long> serviceIds) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        AccountForm form = new AccountForm();
        form.setName(name);
        form.setCompanyName(name + " Ltd");
        form.setCompanyAddress("1 Harbour Road");
        form.setCompanyCountry("Ireland");
        form.setCompanyPhone("+353 1 555 0100");
        form.setContactFirstName("Aoife");
        form.setContactLastName("Byrne");
        form.setContactEmail("aoife@" + key + ".example");
        form.setRegistrationUser(key + "-reg");
        form.setRegistrationPassword(PASSWORD);
        form.setPortalUser(key + "-portal");
        form.setPortalPassword(PASSWORD);
        form.setServiceIds(new java.util.LinkedHashSet<>(serviceIds));
        form.setManagedById(managedById);
        form.setValidFrom(LocalDate.of(2026, 1, 1));
        form.setValidTo(LocalDate.of(2027, 12, 31));
        form.setReportLanguage("en");
        return form;
    }
}
