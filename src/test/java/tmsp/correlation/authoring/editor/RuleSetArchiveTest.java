package tmsp.correlation.authoring.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleSetDraft;

/** Export zips read back as they were written; every hostile or broken zip is refused with its reason. */
class RuleSetArchiveTest {

    static final String DRL = "package tmsp.rules.a\n\nrule \"a\" @id(\"a\") @severity(\"low\") @params(\"n=3\")\n"
            + "when\nthen\nend\n";

    @Test
    void aWrittenVersionIsReadBackWithItsManifest() {
        RuleSetDraft version = new RuleSetDraft(7, 3, "PUBLISHED", "lower thresholds", "alice", 5L,
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T11:00:00Z"), "why: fewer misses",
                "bob", "agreed", Instant.parse("2026-11-30T12:00:00Z"), "p-1",
                Map.of("a.drl", DRL, "b-2.drl", "package tmsp.rules.b\n// ü\n"), Map.of("a.n", "5"),
                List.of(new RuleException(11L, "a", RuleException.Kind.CIDR, "10.0.0.0/8", LocalDate.of(2027, 1, 31),
                        "the lab", "carol")));

        RuleSetArchive.Content read = RuleSetArchive.read(RuleSetArchive.write(version));

        assertThat(read.files()).isEqualTo(version.files());
        RuleSetManifest m = read.manifest();
        assertThat(m.format()).isEqualTo(1);
        assertThat(List.of(m.label(), m.state(), m.title(), m.author(), m.reviewer(), m.comment()))
                .containsExactly("v3", "PUBLISHED", "lower thresholds", "alice", "bob", "why: fewer misses");
        assertThat(m.publishedAt()).isEqualTo(version.publishedAt());
        assertThat(m.parameters()).isEqualTo(Map.of("a.n", "5"));
        assertThat(m.exceptions()).containsExactly(new RuleException(null, "a", RuleException.Kind.CIDR,
                "10.0.0.0/8", LocalDate.of(2027, 1, 31), "the lab", "carol"));
    }

    @Test
    void somethingThatIsNotAZipOrAnEmptyOneIsRefused() {
        refused("package tmsp.rules.a".getBytes(StandardCharsets.UTF_8), "not a zip file");
        refused(new byte[0], "not a zip file");
        refused(zip(Map.of()), "empty");
    }

    @Test
    void aTruncatedZipIsRefused() {
        byte[] whole = zip(valid());
        refused(Arrays.copyOf(whole, whole.length / 2), "truncated");
        refused(Arrays.copyOf(whole, whole.length - 10), "truncated");
        // cut right after the last entry: each entry reads well, only the directory at the end is gone
        byte[] raw = new RawZip().add("manifest.json", manifest("a.drl")).add("a.drl", DRL.getBytes()).bytes();
        refused(Arrays.copyOf(raw, new RawZip().add("manifest.json", manifest("a.drl"))
                .add("a.drl", DRL.getBytes()).directoryOffset()), "truncated");
    }

    @Test
    void entriesOutsideTheTopOfTheZipAreRefused() {
        for (String name : List.of("../a.drl", "/a.drl", "rules/a.drl", "rules/../../a.drl", "..\\a.drl",
                "C:/a.drl", "C:\\a.drl", "..")) {
            refused(new RawZip().add("manifest.json", manifest("a.drl")).add(name, DRL.getBytes()).bytes(),
                    "is not at the top of the zip");
        }
    }

    @Test
    void entriesThatAreNotRuleFileNamesAreRefused() {
        for (String name : List.of("A.drl", "a.DRL", "a.txt", "run.sh", ".drl", "-a.drl", "a b.drl", "a\u0000.drl",
                "x".repeat(70) + ".drl")) {
            refused(new RawZip().add("manifest.json", manifest("a.drl")).add(name, DRL.getBytes()).bytes(),
                    "is not a rule file name");
        }
    }

    @Test
    void moreThanFiftyFilesAreRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            names.add("f" + i + ".drl");
            files.put("f" + i + ".drl", ("package tmsp.rules.f" + i + "\n").getBytes());
        }
        files.put("manifest.json", manifest(names.toArray(String[]::new)));
        refused(zip(files), "more than 50 rule files");
        files.remove("f51.drl");
        names.remove("f51.drl");
        files.put("manifest.json", manifest(names.toArray(String[]::new)));
        assertThat(RuleSetArchive.read(zip(files)).files()).hasSize(50);
    }

    @Test
    void anEntryOverTwoHundredKilobytesIsRefused() {
        refused(zip(Map.of("manifest.json", manifest("a.drl"), "a.drl", comment(200 * 1024 + 1))),
                "a.drl is larger than 200 KB");
        assertThat(RuleSetArchive.read(zip(Map.of("manifest.json", manifest("a.drl"), "a.drl", comment(200 * 1024))))
                .files()).containsKey("a.drl");
    }

    @Test
    void moreThanFiveMegabytesInAllAreRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            names.add("f" + i + ".drl");
            files.put("f" + i + ".drl", comment(190 * 1024));
        }
        files.put("manifest.json", manifest(names.toArray(String[]::new)));
        refused(zip(files), "larger than 5 MB in all");
    }

    @Test
    void aZipBombThatLiesAboutItsSizesIsStoppedWhileItIsRead() {
        // 64 MB of zeros, declared as 100 bytes in both the entry's header and the directory
        byte[] bomb = new RawZip().add("manifest.json", manifest("a.drl"))
                .addLying("a.drl", new byte[64 * 1024 * 1024], 100).bytes();
        assertThat(bomb.length).isLessThan(200 * 1024);

        refused(bomb, "a.drl is larger than 200 KB");
    }

    @Test
    void aMissingOrMalformedManifestIsRefused() {
        refused(zip(Map.of("a.drl", DRL.getBytes())), "no manifest.json");
        refused(withManifest("{not json"), "manifest.json is malformed: it is not JSON");
        refused(withManifest("[1, 2]"), "manifest.json is malformed: it is not a JSON object");
        refused(withManifest("{\"format\": 2, \"files\": [\"a.drl\"]}"), "this portal reads format 1");
        refused(withManifest("{\"format\": 1, \"files\": [\"b.drl\"]}"), "lists the files [b.drl]");
        refused(withManifest("{\"format\": 1, \"files\": \"a.drl\"}"), "files is not a list");
        refused(withManifest("{\"format\": 1, \"files\": [\"a.drl\"], \"parameters\": [1]}"), "parameters is not");
        refused(withManifest("{\"format\": 1, \"files\": [\"a.drl\"], \"exceptions\": [{\"ruleId\": \"a\","
                + " \"kind\": \"PLANET\", \"pattern\": \"x\"}]}"), "exception 1 is not valid");
        refused(withManifest("{\"format\": 1, \"files\": [\"a.drl\"], \"exceptions\": [{\"ruleId\": \"a\","
                + " \"kind\": \"CIDR\", \"pattern\": \"10.0.0.0/99\"}]}"), "not a CIDR range");
        refused(withManifest("{\"format\": 1, \"files\": [\"a.drl\"], \"exceptions\": [{\"ruleId\": \"a\","
                + " \"kind\": \"HOST\", \"pattern\": \"pc1\", \"until\": \"soon\"}]}"), "exception 1 is not valid");
        refused(withManifest("{\"format\": 1, \"files\": [\"a.drl\"], \"publishedAt\": \"yesterday\"}"),
                "publishedAt is not a time");
    }

    @Test
    void duplicateEntriesAndTextThatIsNotUtf8AreRefused() {
        refused(new RawZip().add("manifest.json", manifest("a.drl")).add("a.drl", DRL.getBytes())
                .add("a.drl", DRL.getBytes()).bytes(), "holds a.drl twice");
        refused(zip(Map.of("manifest.json", manifest("a.drl"), "a.drl", new byte[] {'a', (byte) 0xC3, '(', 'b'})),
                "a.drl is not UTF-8 text");
    }

    private static Map<String, byte[]> valid() {
        return Map.of("manifest.json", manifest("a.drl"), "a.drl", DRL.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withManifest(String json) {
        return zip(Map.of("manifest.json", json.getBytes(StandardCharsets.UTF_8), "a.drl", DRL.getBytes()));
    }

    private static byte[] manifest(String... files) {
        return ("{\"format\": 1, \"label\": \"v1\", \"files\": [" + String.join(",",
                Arrays.stream(files).map(f -> "\"" + f + "\"").toList()) + "], \"parameters\": {}, \"exceptions\": []}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A DRL comment of exactly {@code bytes} bytes. */
    private static byte[] comment(int bytes) {
        byte[] text = new byte[bytes];
        Arrays.fill(text, (byte) 'x');
        text[0] = '/';
        text[1] = '/';
        return text;
    }

    private static void refused(byte[] zip, String reason) {
        assertThatThrownBy(() -> RuleSetArchive.read(zip)).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining(reason);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes zips byte by byte, as a hostile tool would: any name, the same name twice, and sizes that lie.
     * Entries are deflated, their sizes in the local header and the central directory.
     */
    static final class RawZip {

        private final ByteArrayOutputStream local = new ByteArrayOutputStream();
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private int count;

        RawZip add(String name, byte[] content) {
            return entry(name, content, content.length);
        }

        RawZip addLying(String name, byte[] content, int declaredSize) {
            return entry(name, content, declaredSize);
        }

        int directoryOffset() {
            return local.size();
        }

        private RawZip entry(String name, byte[] content, int declaredSize) {
            byte[] compressed = deflate(content);
            CRC32 crc = new CRC32();
            crc.update(content);
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            int offset = local.size();
            ByteBuffer header = le(30 + nameBytes.length).putInt(0x04034b50).putShort((short) 20)
                    .putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x5821)
                    .putInt((int) crc.getValue()).putInt(compressed.length).putInt(declaredSize)
                    .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
            local.writeBytes(header.array());
            local.writeBytes(compressed);
            ByteBuffer central = le(46 + nameBytes.length).putInt(0x02014b50).putShort((short) 20)
                    .putShort((short) 20).putShort((short) 0x0800).putShort((short) 8).putShort((short) 0)
                    .putShort((short) 0x5821).putInt((int) crc.getValue()).putInt(compressed.length)
                    .putInt(declaredSize).putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(nameBytes);
            directory.writeBytes(central.array());
            count++;
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(local.toByteArray());
            out.writeBytes(directory.toByteArray());
            out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) count).putShort((short) count).putInt(directory.size()).putInt(local.size())
                    .putShort((short) 0).array());
            return out.toByteArray();
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        private static byte[] deflate(byte[] content) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            return out.toByteArray();
        }
    }
}
