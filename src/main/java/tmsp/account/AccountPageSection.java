package tmsp.account;

import java.util.Map;

/**
 * A part of the account page contributed by another module (registered products, reports,
 * mitigation…), so that the page shows each task as soon as its feature exists.
 */
public interface AccountPageSection {

    /** Sections are shown in ascending order. */
    int order();

    /** Thymeleaf fragment expression, e.g. {@code appliance/products :: section}. */
    String fragment();

    /** Model attributes the fragment reads, for the given account. */
    Map<String, Object> model(long accountId);
}
