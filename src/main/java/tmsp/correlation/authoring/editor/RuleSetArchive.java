package tmsp.correlation.authoring.editor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tmsp.correlation.authoring.RuleSetDraft;

/**
 * A rule set version as a zip: its DRL files at the root beside {@code manifest.json}. Reading trusts nothing the
 * zip says about itself: names are checked, and the limits are counted on the bytes actually inflated, so a zip
 * that lies about its sizes is stopped while it is read.
 */
final class RuleSetArchive {

    static final int MAX_FILES = 50;
    static final int MAX_ENTRY_BYTES = 200 * 1024;
    static final long MAX_TOTAL_BYTES = 5L * 1024 * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.drl");
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;

    /** What a zip holds once read and checked: the manifest and the DRL text by file name. */
    record Content(RuleSetManifest manifest, Map<String, String> files) {
    }

    private RuleSetArchive() {
    }

    static byte[] write(RuleSetDraft version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : new TreeMap<>(version.files()).entrySet()) {
                entry(zip, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            entry(zip, RuleSetManifest.FILE_NAME, RuleSetManifest.of(version).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** The zip's manifest and files, or {@link ArchiveRefused} with the first reason not to take it. */
    static Content read(byte[] zip) {
        if (zip.length < 4 || ByteBuffer.wrap(zip, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() != LOCAL_HEADER) {
            throw new ArchiveRefused(isEmptyZip(zip) ? "The zip is empty: it needs the rule files and manifest.json"
                    : "This is not a zip file");
        }
        int listed = entriesListed(zip);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = next(in); entry != null; entry = next(in)) {
                String name = checkedName(entry.getName());
                if (entries.containsKey(name)) {
                    throw new ArchiveRefused("The zip holds " + name + " twice");
                }
                if (!name.equals(RuleSetManifest.FILE_NAME) && drlCount(entries) >= MAX_FILES) {
                    throw new ArchiveRefused("The zip holds more than " + MAX_FILES + " rule files");
                }
                byte[] content = readCapped(in, name, MAX_TOTAL_BYTES - total);
                total += content.length;
                entries.put(name, content);
            }
        } catch (IOException e) {
            throw new ArchiveRefused("The zip is damaged or truncated (" + e.getMessage() + ")");
        }
        if (entries.size() != listed) {
            throw new ArchiveRefused("The zip is damaged: its directory lists " + listed + " entries, " + entries.size()
                    + " were found");
        }
        byte[] manifest = entries.remove(RuleSetManifest.FILE_NAME);
        if (manifest == null) {
            throw new ArchiveRefused("The zip has no manifest.json");
        }
        Map<String, String> files = new TreeMap<>();
        entries.forEach((name, content) -> files.put(name, text(name, content)));
        RuleSetManifest read = RuleSetManifest.parse(text(RuleSetManifest.FILE_NAME, manifest));
        if (!read.files().equals(files.keySet())) {
            throw new ArchiveRefused("manifest.json lists the files " + read.files() + " but the zip holds "
                    + files.keySet());
        }
        return new Content(read, files);
    }

    private static ZipEntry next(ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IllegalArgumentException badName) { // a name that is not UTF-8
            throw new ArchiveRefused("The zip holds an entry whose name is not UTF-8 text");
        }
    }

    private static String checkedName(String name) {
        String shown = name.chars().anyMatch(Character::isISOControl) ? name.replaceAll("\\p{Cntrl}", "?") : name;
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("(?s)[A-Za-z]:.*")
                || name.contains("..") || name.contains("/") || name.contains("\\")) {
            throw new ArchiveRefused("The zip entry '" + shown + "' is not at the top of the zip: only rule files and"
                    + " manifest.json, without folders, are taken");
        }
        if (!name.equals(RuleSetManifest.FILE_NAME) && !FILE_NAME.matcher(name).matches()) {
            throw new ArchiveRefused("The zip entry '" + shown + "' is not a rule file name (lower-case letters,"
                    + " digits and '-', ending in .drl)");
        }
        return name;
    }

    private static long drlCount(Map<String, byte[]> entries) {
        return entries.keySet().stream().filter(n -> !n.equals(RuleSetManifest.FILE_NAME)).count();
    }

    /** The entry's bytes, counted as they are inflated: the sizes the zip declares are not believed. */
    private static byte[] readCapped(InputStream in, String name, long totalLeft) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new ArchiveRefused(name + " is larger than " + MAX_ENTRY_BYTES / 1024 + " KB");
            }
            if (out.size() > totalLeft) {
                throw new ArchiveRefused("The zip's files are larger than " + MAX_TOTAL_BYTES / (1024 * 1024)
                        + " MB in all");
            }
        }
        return out.toByteArray();
    }

    private static String text(String name, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ArchiveRefused(name + " is not UTF-8 text");
        }
    }

    private static boolean isEmptyZip(byte[] zip) {
        return zip.length >= 4 && ByteBuffer.wrap(zip, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()
                == END_OF_DIRECTORY;
    }

    /**
     * How many entries the zip's central directory lists: a zip cut short loses its directory at the end, which
     * reading the entries one after another would not notice.
     */
    private static int entriesListed(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xFFFF); at--) {
            if (buffer.getInt(at) == END_OF_DIRECTORY
                    && at + 22 + Short.toUnsignedInt(buffer.getShort(at + 20)) == zip.length) {
                return Short.toUnsignedInt(buffer.getShort(at + 10));
            }
        }
        throw new ArchiveRefused("The zip is truncated or damaged: its directory at the end is missing");
    }
}
