package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleDownloadsTest {

    @Test
    void theFileNameKeepsOnlyHarmlessCharactersOfTheUploadersName() {
        assertThat(SampleDownloads.fileName(7, "forensic-data.zip")).isEqualTo("case-7-forensic-data.zip");
        assertThat(SampleDownloads.fileName(7, "Forensic Data 2026.ZIP")).isEqualTo("case-7-Forensic_Data_2026.zip");
        assertThat(SampleDownloads.fileName(7, "../../etc/passwd")).isEqualTo("case-7-passwd.zip");
        assertThat(SampleDownloads.fileName(7, "C:\\temp\\a\"b;c.zip")).isEqualTo("case-7-a_b_c.zip");
        assertThat(SampleDownloads.fileName(7, "evil\r\nX-Header: 1.zip")).isEqualTo("case-7-evil_X-Header_1.zip");
        assertThat(SampleDownloads.fileName(7, "übel.zip")).isEqualTo("case-7-bel.zip");
        assertThat(SampleDownloads.fileName(7, "...")).isEqualTo("case-7.zip");
        assertThat(SampleDownloads.fileName(7, null)).isEqualTo("case-7.zip");
        assertThat(SampleDownloads.fileName(7, "x".repeat(300) + ".zip")).hasSize("case-7-".length() + 80 + ".zip".length());
    }
}
