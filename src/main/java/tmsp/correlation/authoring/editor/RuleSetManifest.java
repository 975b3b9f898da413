package tmsp.correlation.authoring.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tmsp.correlation.RuleException;
import tmsp.correlation.authoring.RuleSetDraft;

/**
 * {@code manifest.json} of an exported rule set: where it came from (label, state, title, author, reviewer,
 * comment, publication), its file names, parameter values and exceptions. Format 1.
 */
record RuleSetManifest(int format, String label, String state, String title, String author, String reviewer,
                       String comment, Instant publishedAt, Set<String> files, Map<String, String> parameters,
                       List<RuleException> exceptions) {

    static final String FILE_NAME = "manifest.json";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static RuleSetManifest of(RuleSetDraft version) {
        return new RuleSetManifest(FORMAT, version.label(), version.state(), version.title(), version.author(),
                version.reviewer(), version.comment(), version.publishedAt(), new TreeSet<>(version.files().keySet()),
                version.overrides(), version.exceptions());
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("format", format).put("label", label).put("state", state)
                .put("title", title).put("author", author).put("reviewer", reviewer).put("comment", comment)
                .put("publishedAt", publishedAt == null ? null : publishedAt.toString());
        files.forEach(root.putArray("files")::add);
        ObjectNode values = root.putObject("parameters");
        parameters.forEach(values::put);
        ArrayNode list = root.putArray("exceptions");
        for (RuleException e : exceptions) {
            list.addObject().put("ruleId", e.ruleId()).put("kind", e.kind().name()).put("pattern", e.pattern())
                    .put("until", e.until() == null ? null : e.until().toString()).put("comment", e.comment())
                    .put("author", e.author());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and checks a manifest; {@link ArchiveRefused} says what is wrong with it. */
    static RuleSetManifest parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw refused("it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw refused("it is not a JSON object");
        }
        if (!root.path("format").isInt() || root.get("format").intValue() != FORMAT) {
            throw refused("its format is " + root.path("format") + "; this portal reads format " + FORMAT);
        }
        Set<String> files = new TreeSet<>();
        for (JsonNode name : array(root, "files")) {
            if (!name.isTextual()) {
                throw refused("files holds " + name + ", not a file name");
            }
            files.add(name.textValue());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode values = root.path("parameters");
        if (!values.isMissingNode() && !values.isObject()) {
            throw refused("parameters is not an object of ruleId.parameter to value");
        }
        values.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() && !e.getValue().isIntegralNumber()) {
                throw refused("the parameter " + e.getKey() + " has no text value");
            }
            parameters.put(e.getKey(), e.getValue().asText());
        });
        List<RuleException> exceptions = new ArrayList<>();
        for (JsonNode e : array(root, "exceptions")) {
            exceptions.add(exception(e, exceptions.size() + 1));
        }
        return new RuleSetManifest(FORMAT, text(root, "label"), text(root, "state"), text(root, "title"),
                text(root, "author"), text(root, "reviewer"), text(root, "comment"), instant(root, "publishedAt"),
                files, parameters, List.copyOf(exceptions));
    }

    private static RuleException exception(JsonNode e, int number) {
        if (!e.isObject()) {
            throw refused("exception " + number + " is not an object");
        }
        try {
            RuleException.Kind kind = RuleException.Kind.valueOf(String.valueOf(text(e, "kind")));
            String until = text(e, "until");
            return new RuleException(null, text(e, "ruleId"), kind, text(e, "pattern"),
                    until == null ? null : LocalDate.parse(until), text(e, "comment"), text(e, "author"));
        } catch (IllegalArgumentException | DateTimeParseException reason) {
            throw refused("exception " + number + " is not valid: " + reason.getMessage());
        }
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw refused(field + " is not a list");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw refused(field + " is not text");
        }
        return value.textValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw refused(field + " is not a time such as 2026-12-01T03:00:00Z");
        }
    }

    private static ArchiveRefused refused(String reason) {
        return new ArchiveRefused("manifest.json is malformed: " + reason);
    }
}
