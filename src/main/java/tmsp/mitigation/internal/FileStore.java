package tmsp.mitigation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The folder forensic samples and cleanup patterns are kept in. A file is streamed into a temporary file (its
 * size counted and its SHA-256 computed on the way) and moved into place only when complete: a broken-off or
 * oversized upload leaves nothing behind. Files are named by the store, never by the uploader, and never unpacked.
 */
@Component
class FileStore {

    /** The two kinds of file kept, each in a sub-folder of its own. */
    enum Kind { SAMPLES, PATTERNS }

    private static final int BUFFER = 64 * 1024;

    private final Path root;

    FileStore(MitigationProperties properties) {
        this.root = properties.storage().toAbsolutePath().normalize();
    }

    /**
     * Streams {@code content} into the store.
     *
     * @throws FileTooLarge  once more than {@code maxBytes} arrived (the rest is not read)
     * @throws UncheckedIOException when the content broke off or the disk failed
     */
    StoredFile store(Kind kind, InputStream content, long maxBytes) {
        Path folder = folder(kind);
        Path temporary = null;
        try {
            Files.createDirectories(folder.resolveSibling("incoming"));
            temporary = Files.createTempFile(folder.resolveSibling("incoming"), kind.name().toLowerCase(), ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = copy(new DigestInputStream(content, sha256), temporary, maxBytes);
            String name = UUID.randomUUID() + ".bin";
            Files.createDirectories(folder);
            move(temporary, folder.resolve(name));
            temporary = null;
            return new StoredFile(name, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Where a stored file is, to stream it out. */
    Path path(Kind kind, String name) {
        Path file = folder(kind).resolve(name).normalize();
        if (!file.getParent().equals(folder(kind))) {
            throw new IllegalArgumentException("Not a stored file name: " + name);
        }
        return file;
    }

    void delete(Kind kind, String name) {
        deleteQuietly(path(kind, name));
    }

    private Path folder(Kind kind) {
        return root.resolve(kind.name().toLowerCase());
    }

    private static long copy(InputStream in, Path target, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new FileTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file stays in incoming/, which nothing serves or lists
        }
    }
}
