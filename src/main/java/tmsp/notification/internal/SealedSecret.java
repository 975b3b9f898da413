package tmsp.notification.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a secret column sealed by {@link SecretBox}; Hibernate takes this converter from Spring. */
@Converter
class SealedSecret implements AttributeConverter<String, String> {

    private final SecretBox box;

    SealedSecret(SecretBox box) {
        this.box = box;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return secret == null ? null : box.seal(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : box.open(stored);
    }
}
