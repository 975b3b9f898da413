package tmsp.correlation.authoring.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Sigma file's YAML documents with limits against hostile input: the size, the number of documents, the
 * nesting depth, alias expansion (a "billion laughs" file is refused, not expanded) and duplicate keys; only plain
 * YAML types (SafeConstructor: no Java objects from tags).
 */
final class SigmaYaml {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_DOCUMENTS = 50;
    static final int MAX_DEPTH = 20;
    static final int MAX_ALIASES = 20;

    private SigmaYaml() {
    }

    /** Each document as a map, in file order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String text) {
        if (text == null || text.isBlank()) {
            throw new SigmaRefused(List.of("the file is empty"));
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new SigmaRefused(List.of("the file is larger than " + MAX_BYTES / 1024 + " KB"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(text)) {
                if (document == null) {
                    continue;
                }
                if (documents.size() == MAX_DOCUMENTS) {
                    throw new SigmaRefused(List.of("the file has more than " + MAX_DOCUMENTS + " YAML documents"));
                }
                if (!(document instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
                    throw new SigmaRefused(List.of("YAML document " + (documents.size() + 1)
                            + " is not a map of names to values"));
                }
                documents.add((Map<String, Object>) document);
            }
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage()).strip();
            throw new SigmaRefused(List.of("the YAML cannot be read: "
                    + (message.length() > 300 ? message.substring(0, 300) + "..." : message)));
        }
        if (documents.isEmpty()) {
            throw new SigmaRefused(List.of("the file holds no YAML document"));
        }
        return documents;
    }
}
