package tmsp.account;

import java.util.List;

/**
 * Published once, when the zero set-up mode has created its demo accounts, so that their appliances can register
 * through the real API. Carries the registration passwords in plain text: the portal keeps only their hashes, and
 * the demo prints them in the log anyway. In-process only: nothing stores this event, and its text hides them.
 */
public record DemoAccountsCreated(List<DemoAccount> accounts) {

    /** @param mitigation whether the account's services include threat mitigation (so it has a mitigator) */
    public record DemoAccount(long accountId, String name, String registrationUser, String registrationPassword,
                              boolean mitigation) {
        @Override
        public String toString() {
            return "DemoAccount[" + accountId + ", " + name + ", " + registrationUser + "]";
        }
    }

    public DemoAccountsCreated {
        accounts = List.copyOf(accounts);
    }
}
