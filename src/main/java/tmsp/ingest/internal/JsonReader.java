package tmsp.ingest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOptions;

/**
 * Reads one NDJSON object with the canonical field names ({@link JsonFields}). Duplicate keys are rejected
 * (which one would win is a guess), nesting is capped, and any text after the object is an error.
 */
final class JsonReader {

    private final ObjectMapper mapper;
    private final ParseOptions options;

    JsonReader(ParseOptions options) {
        this.options = options;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxJsonDepth())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    void read(String body, Detection.Builder builder) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new LineRejected(ParseErrorCode.JSON_NOT_OBJECT,
                    "the line is JSON but not an object (" + root.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (root.size() > options.maxKeys()) {
            throw new LineRejected(ParseErrorCode.TOO_MANY_KEYS, "more than " + options.maxKeys() + " keys");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            checkKey(key);
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue; // null means absent, for canonical and extra keys alike
            }
            if (!JsonFields.apply(key, value, builder, options)) {
                String text = value.isValueNode() ? value.asText() : value.toString();
                LineGuard.checkDecoded(text, "the value of " + Snippets.quote(key));
                builder.putExtra(key, text);
            }
        }
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            if (hasCause(e, StreamConstraintsException.class)) {
                throw new LineRejected(ParseErrorCode.JSON_TOO_DEEP,
                        "JSON nested deeper than " + options.maxJsonDepth() + " levels (or another size limit)");
            }
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                throw new LineRejected(ParseErrorCode.JSON_DUPLICATE_KEY, Snippets.clip(message));
            }
            throw new LineRejected(ParseErrorCode.JSON_MALFORMED, "malformed JSON: " + Snippets.clip(message));
        }
    }

    private void checkKey(String key) {
        if (key.isEmpty()) {
            throw new LineRejected(ParseErrorCode.BAD_KEY, "empty JSON key");
        }
        if (key.length() > options.maxKeyLength()) {
            throw new LineRejected(ParseErrorCode.KEY_TOO_LONG,
                    "key " + Snippets.quote(key) + " is longer than " + options.maxKeyLength());
        }
        LineGuard.checkDecoded(key, "a JSON key");
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
