package tmsp.report.internal;

import java.util.List;
import java.util.Locale;

/** Reports are written in English and German; any other report language falls back to English. */
final class ReportLanguage {

    static final List<String> SUPPORTED = List.of("en", "de");

    private ReportLanguage() {
    }

    static String supported(String language) {
        return language != null && SUPPORTED.contains(language) ? language : "en";
    }

    static Locale locale(String language) {
        return Locale.forLanguageTag(supported(language));
    }
}
