package tmsp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigmaTextTest {

    @Test
    void plainMatchersIgnoreCaseAndNull() {
        assertThat(SigmaText.is("Admin", "ADMIN")).isTrue();
        assertThat(SigmaText.is("Admin", "Admin2")).isFalse();
        assertThat(SigmaText.contains("C:\\Windows\\System32\\CMD.EXE", "\\cmd.exe")).isTrue();
        assertThat(SigmaText.contains("abc", "abcd")).isFalse();
        assertThat(SigmaText.startsWith("NET user", "net ")).isTrue();
        assertThat(SigmaText.endsWith("x.EXE", ".exe")).isTrue();
        assertThat(SigmaText.endsWith("exe", "x.exe")).isFalse();
        assertThat(SigmaText.is(null, "x")).isFalse();
        assertThat(SigmaText.contains(null, "")).isFalse();
        assertThat(SigmaText.like(null, "*")).isFalse();
        assertThat(SigmaText.matches(null, ".*")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prog?.exe|PROGA.exe|true", "prog?.exe|prog.exe|false", "antivirus_V*.exe|antivirus_V21.2.1.exe|true",
            "*|''|true", "a*b*c|aXXbYYc|true", "a*b*c|aXXbYY|false", "*.exe|x.exe.txt|false",
            "a\\*b|a*b|true", "a\\*b|aXb|false", "a\\?b|a?b|true", "a\\?b|aXb|false",
            "C:\\Windows\\*|c:\\windows*|true", "C:\\Windows\\*|c:\\windows\\x|false",
            "C:\\Windows\\\\*|c:\\windows\\x|true", "a\\\\*|a\\xyz|true", "a\\\\\\*|a\\*|true", "a\\\\\\*|a\\x|false",
            "*a*a*a*a*a*b|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|false"})
    void wildcardsFollowSigmaEscaping(String pattern, String value, boolean matches) {
        assertThat(SigmaText.like(value, pattern)).isEqualTo(matches);
    }

    @Test
    void regularExpressionsAreCaseSensitiveAndFoundAnywhere() {
        assertThat(SigmaText.matches("run mimikatz now", "mimi\\w+")).isTrue();
        assertThat(SigmaText.matches("MIMIKATZ", "mimikatz")).isFalse();
        assertThat(SigmaText.matches("abc", "^b")).isFalse();
    }

    @Test
    void aRegularExpressionThatBacktracksWithoutEndIsGivenUp() {
        String value = "a".repeat(40) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(SigmaText.matches(value, "^(a|a)+$")).isFalse());
        assertThat(SigmaText.matches("a".repeat(40), "^(a|a)+$")).isTrue();
    }
}
