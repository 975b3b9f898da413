package tmsp.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Names the fields an edit changes, for the system log. Never includes a password's value. */
final class AccountChanges {

    private AccountChanges() {
    }

    static String between(Account before, AccountForm after, String portalUserBefore) {
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.getName(), after.getName());
        compare(changed, "companyName", before.getCompanyName(), after.getCompanyName());
        compare(changed, "companyAddress", before.getCompanyAddress(), after.getCompanyAddress());
        compare(changed, "companyCountry", before.getCompanyCountry(), after.getCompanyCountry());
        compare(changed, "companyPhone", before.getCompanyPhone(), after.getCompanyPhone());
        compare(changed, "contactFirstName", before.getContactFirstName(), after.getContactFirstName());
        compare(changed, "contactLastName", before.getContactLastName(), after.getContactLastName());
        compare(changed, "contactEmail", before.getContactEmail(), after.getContactEmail());
        compare(changed, "registrationUser", before.getRegistrationUser(), after.getRegistrationUser());
        compare(changed, "portalUser", portalUserBefore, after.getPortalUser());
        compare(changed, "managedBy", before.getManagedById(), after.getManagedById());
        compare(changed, "validFrom", before.getValidFrom(), after.getValidFrom());
        compare(changed, "validTo", before.getValidTo(), after.getValidTo());
        compare(changed, "reportLanguage", before.getReportLanguage(), after.getReportLanguage());
        Set<Long> servicesBefore = before.getServices().stream().map(ManagedService::getId).collect(Collectors.toSet());
        if (!servicesBefore.equals(after.getServiceIds())) {
            changed.add("services");
        }
        if (after.getRegistrationPassword() != null) {
            changed.add("registrationPassword");
        }
        if (after.getPortalPassword() != null) {
            changed.add("portalPassword");
        }
        return changed.isEmpty() ? "no changes" : "changed " + String.join(", ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        Object a = before instanceof String s ? emptyToNull(s.trim()) : before;
        Object b = after instanceof String s ? emptyToNull(s.trim()) : after;
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
