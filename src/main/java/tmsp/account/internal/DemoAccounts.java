package tmsp.account.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tmsp.account.DemoAccountsCreated;
import tmsp.identity.Administrators;
import tmsp.identity.Passwords;

/**
 * Zero set-up mode: a few living accounts on first start, so a newcomer sees a portal at work. Their appliances
 * register and send through the real API afterwards (the simulator module, on {@link DemoAccountsCreated}).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tmsp.demo-data", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String name, String company, String country, String first, String last, String user,
                List<String> services, String language, int startedMonthsAgo) {
        String registrationUser() {
            return user + "-appliances";
        }
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("Acme Manufacturing", "Acme Manufacturing GmbH", "Germany", "Petra", "Lang", "acme",
                    List.of("THREAT_DISCOVERY", "THREAT_MITIGATION", "OUTBREAK_CONTAINMENT"), "de", 14),
            new Demo("Globex Finance", "Globex Financial Services Ltd", "United Kingdom", "Oliver", "Hughes", "globex",
                    List.of("THREAT_DISCOVERY", "MANAGED_REPORTING"), "en", 8),
            new Demo("Initech Health", "Initech Health Systems Inc.", "United States", "Maria", "Gonzalez", "initech",
                    List.of("THREAT_DISCOVERY", "THREAT_MITIGATION", "THREAT_ANALYSIS"), "en", 3),
            new Demo("Umbrella Logistics", "Umbrella Logistics SA", "France", "Camille", "Moreau", "umbrella",
                    List.of("THREAT_DISCOVERY"), "fr", 20),
            new Demo("Tyrell Research", "Tyrell Research KK", "Japan", "Haruto", "Sato", "tyrell",
                    List.of("THREAT_DISCOVERY", "OUTBREAK_CONTAINMENT", "MANAGED_REPORTING"), "ja", 1));

    private final AccountManagement management;
    private final Accounts accounts;
    private final Administrators administrators;
    private final ApplicationEventPublisher events;

    DemoAccounts(AccountManagement management, Accounts accounts, Administrators administrators,
                 ApplicationEventPublisher events) {
        this.management = management;
        this.accounts = accounts;
        this.administrators = administrators;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0 || administrators.all().isEmpty()) {
            return;
        }
        String password = Passwords.generate(16);
        long adminId = administrators.all().get(0).id();
        List<DemoAccountsCreated.DemoAccount> created = new ArrayList<>();
        for (Demo demo : DEMOS) {
            Account account = management.create(form(demo, adminId, password));
            created.add(new DemoAccountsCreated.DemoAccount(account.getId(), demo.name(), demo.registrationUser(),
                    password, demo.services().contains("THREAT_MITIGATION")));
            management.addContact(account.getId(), contact(demo.first() + " " + demo.last(),
                    demo.first().toLowerCase() + "@" + demo.user() + ".example", demo.language()));
            management.addContact(account.getId(), contact("Security Operations",
                    "soc@" + demo.user() + ".example", "en"));
        }
        events.publishEvent(new DemoAccountsCreated(created));
        log.warn("\n\n    Demo data: {} accounts. Their customers log on as {} with the password: {}\n",
                DEMOS.size(), DEMOS.stream().map(Demo::user).toList(), password);
    }

    private AccountForm form(Demo demo, long adminId, String password) {
        AccountForm form = new AccountForm();
        form.setName(demo.name());
        form.setCompanyName(demo.company());
        form.setCompanyCountry(demo.country());
        form.setContactFirstName(demo.first());
        form.setContactLastName(demo.last());
        form.setContactEmail(demo.first().toLowerCase() + "." + demo.last().toLowerCase() + "@" + demo.user() + ".example");
        form.setRegistrationUser(demo.registrationUser());
        form.setRegistrationPassword(password);
        form.setPortalUser(demo.user());
        form.setPortalPassword(password);
        Set<Long> ids = new java.util.LinkedHashSet<>();
        management.catalogue().stream().filter(s -> demo.services().contains(s.getCode())).forEach(s -> ids.add(s.getId()));
        form.setServiceIds(ids);
        form.setManagedById(adminId);
        form.setValidFrom(LocalDate.now().minusMonths(demo.startedMonthsAgo()).withDayOfMonth(1));
        form.setValidTo(form.getValidFrom().plusYears(2).minusDays(1));
        form.setReportLanguage(demo.language());
        return form;
    }

    private static ContactForm contact(String name, String email, String language) {
        ContactForm form = new ContactForm();
        form.setName(name);
        form.setEmail(email);
        form.setLanguage(language);
        return form;
    }
}
