package tmsp.account.internal;

import java.time.LocalDate;

/** The descriptive fields of an account, as entered on the form or the API. */
record AccountDetails(String name, String companyName, String companyAddress, String companyCountry,
                      String companyPhone, String contactFirstName, String contactLastName, String contactEmail,
                      String registrationUser, Long managedById, LocalDate validFrom, LocalDate validTo,
                      String reportLanguage) {
}
