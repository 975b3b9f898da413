package tmsp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the English and the German message files in step: same keys, same placeholders, no blank values. */
class MessagesTest {

    /** An argument (index or name) and its format type ({@code {0}}, {@code {max}}, {@code {0,choice,...}}): what
     *  must match between languages; the words inside a choice are translated. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\s*(,\\s*\\w+)?");

    private static Properties english;
    private static Properties german;

    @BeforeAll
    static void load() throws IOException {
        english = load("messages.properties");
        german = load("messages_de.properties");
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("%s on the classpath", name).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }

    @Test
    void everyEnglishKeyIsTranslated() {
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(german.stringPropertyNames());
        assertThat(missing).as("keys of messages.properties missing in messages_de.properties").isEmpty();
    }

    @Test
    void everyGermanKeyExistsInEnglish() {
        Set<String> extra = new TreeSet<>(german.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        assertThat(extra).as("keys of messages_de.properties missing in messages.properties").isEmpty();
    }

    @Test
    void placeholdersAreTheSameInBothLanguages() {
        Map<String, String> differing = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String translated = german.getProperty(key);
            if (translated == null) {
                continue; // reported by everyEnglishKeyIsTranslated
            }
            Set<String> en = placeholders(english.getProperty(key));
            Set<String> de = placeholders(translated);
            if (!en.equals(de)) {
                differing.put(key, "en " + en + " / de " + de);
            }
        }
        assertThat(differing).as("keys whose placeholders differ between English and German").isEmpty();
    }

    @Test
    void noValueIsBlank() {
        Set<String> blank = new TreeSet<>();
        blank(english, "en", blank);
        blank(german, "de", blank);
        assertThat(blank).as("keys with a blank value").isEmpty();
    }

    private static void blank(Properties properties, String language, Set<String> blank) {
        for (String key : properties.stringPropertyNames()) {
            if (properties.getProperty(key).isBlank()) {
                blank.add(language + ": " + key);
            }
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add("{" + matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2).replace(" ", "")) + "}");
        }
        return found;
    }
}
