package tmsp.account.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.AccountRecipients;

/** The contact person and the contact list, as recipients of mail. */
@Component
class AccountRecipientList implements AccountRecipients {

    private final Accounts accounts;

    AccountRecipientList(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> of(long accountId) {
        return accounts.findById(accountId).map(AccountRecipientList::recipients).orElse(List.of());
    }

    private static List<Recipient> recipients(Account account) {
        List<Recipient> recipients = new ArrayList<>();
        if (account.getContactEmail() != null) {
            String name = (nullToEmpty(account.getContactFirstName()) + " " + nullToEmpty(account.getContactLastName()))
                    .strip();
            recipients.add(new Recipient(Recipient.CONTACT_PERSON, name, account.getContactEmail(),
                    account.getReportLanguage()));
        }
        for (Contact contact : account.getContacts()) {
            recipients.add(new Recipient("contact-" + contact.getId(), contact.getName(), contact.getEmail(),
                    contact.getLanguage()));
        }
        return recipients;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
