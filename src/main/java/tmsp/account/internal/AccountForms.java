package tmsp.account.internal;

import java.util.stream.Collectors;

/** Fills a form from a stored account for editing. Passwords stay empty: they are never shown back. */
final class AccountForms {

    private AccountForms() {
    }

    static AccountForm of(Account account, String portalUser) {
        AccountForm form = new AccountForm();
        form.setName(account.getName());
        form.setCompanyName(account.getCompanyName());
        form.setCompanyAddress(account.getCompanyAddress());
        form.setCompanyCountry(account.getCompanyCountry());
        form.setCompanyPhone(account.getCompanyPhone());
        form.setContactFirstName(account.getContactFirstName());
        form.setContactLastName(account.getContactLastName());
        form.setContactEmail(account.getContactEmail());
        form.setRegistrationUser(account.getRegistrationUser());
        form.setPortalUser(portalUser);
        form.setServiceIds(account.getServices().stream().map(ManagedService::getId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        form.setManagedById(account.getManagedById());
        form.setValidFrom(account.getValidFrom());
        form.setValidTo(account.getValidTo());
        form.setReportLanguage(account.getReportLanguage());
        return form;
    }
}
