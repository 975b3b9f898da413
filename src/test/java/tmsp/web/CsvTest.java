package tmsp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsStayPlainAndSpecialOnesAreQuoted() {
        assertThat(Csv.line("a", null, "", "b c")).isEqualTo("a,,,b c\r\n");
        assertThat(Csv.cell("x,y")).isEqualTo("\"x,y\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void formulaeAreDefused() {
        assertThat(Csv.cell("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(Csv.cell("+cmd")).isEqualTo("\"'+cmd\"");
        assertThat(Csv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    }
}
