package tmsp.account.internal;

import java.util.List;

/** The languages reports and notifications are written in. */
final class ReportLanguages {

    static final List<String> CODES = List.of("en", "de", "fr", "es", "ja");

    private ReportLanguages() {
    }

    static boolean supports(String code) {
        return CODES.contains(code);
    }
}
