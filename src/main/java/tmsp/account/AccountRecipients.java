package tmsp.account;

import java.util.List;

/**
 * The people of an account who may receive reports and notifications: the contact person (when the account
 * has an e-mail address for them) and everyone on the contact list. Other modules keep who gets what by
 * {@link Recipient#key()}, which stays the same while the person is on the account.
 */
public interface AccountRecipients {

    /** The account's recipients, the contact person first; empty for an account that does not exist. */
    List<Recipient> of(long accountId);

    /**
     * @param key      {@code contact-person}, or {@code contact-<id>} for a person of the contact list
     * @param language the language mail to them is written in ({@code en}, {@code de}, ...): the contact
     *                 person's is the account's report language
     */
    record Recipient(String key, String name, String email, String language) {

        public static final String CONTACT_PERSON = "contact-person";

        public boolean isContactPerson() {
            return CONTACT_PERSON.equals(key);
        }
    }
}
