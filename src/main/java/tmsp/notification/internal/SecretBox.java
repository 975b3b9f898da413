package tmsp.notification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the portal must read back (the mail server's password: it logs on with it, so it cannot be
 * a hash) with AES-256-GCM, so the database and its backups do not hold them in the clear. The key is
 * {@code TMSP_SECRET_KEY} (32 bytes, base64) or, without it, a key file made on first use beside the data
 * ({@code TMSP_SECRET_KEY_FILE}, readable by the portal's user only). Losing the key loses the stored secrets:
 * they must be entered again.
 */
@Component
class SecretBox {

    static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    SecretBox(@Value("${tmsp.secret-key:}") String configuredKey,
              @Value("${tmsp.secret-key-file:./data/secret.key}") Path keyFile) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFromFile(keyFile) : decode(configuredKey), "AES");
    }

    String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /** The secret in a sealed value; a value without the prefix was stored before encryption and is returned as is. */
    String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be read with this key (TMSP_SECRET_KEY or "
                    + "its key file changed?): enter it again", e);
        }
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("TMSP_SECRET_KEY must be " + KEY_BYTES + " bytes in base64, not "
                    + bytes.length);
        }
        return bytes;
    }

    private byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                write(file, Base64.getEncoder().encodeToString(fresh));
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file.toAbsolutePath(), e);
        }
    }

    private static void write(Path file, String key) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
        Files.writeString(partial, key);
        try {
            // Another node or thread that made its key first wins; this one reads theirs.
            Files.move(partial, file);
        } catch (FileAlreadyExistsException first) {
            Files.delete(partial);
        }
    }
}
