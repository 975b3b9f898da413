package tmsp.correlation.authoring.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tmsp.correlation.SigmaMappingChanged;

/** The editable table of Sigma field names to detection properties ({@code sigma_field_mappings}, V28). */
@Service
public class SigmaFieldMappings {

    /** One row: a Sigma field, the {@code DetectionFact} property it means, and why. */
    public record Mapping(String sigmaField, String detectionField, String note) {
    }

    /** A field name as Sigma rules write them: letters, digits, dots, dashes and underscores. */
    static final Pattern SIGMA_FIELD = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");
    static final int MAX_NOTE = 200;

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    SigmaFieldMappings(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<Mapping> all() {
        return jdbc.query("select sigma_field, detection_field, note from sigma_field_mappings order by "
                + "lower(sigma_field), sigma_field", (rs, i) -> new Mapping(rs.getString(1), rs.getString(2),
                rs.getString(3)));
    }

    /** Sigma field to property, what {@link SigmaImport#convert} takes. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        all().forEach(m -> map.put(m.sigmaField(), m.detectionField()));
        return map;
    }

    /**
     * Adds the mapping, or changes the one of that Sigma field.
     *
     * @return true when it was new
     * @throws IllegalArgumentException with a message key under {@code sigma.mapping.error.} when a value is wrong
     */
    @Transactional
    public boolean save(String sigmaField, String detectionField, String note, String actor) {
        String field = sigmaField == null ? "" : sigmaField.strip();
        String property = detectionField == null ? "" : detectionField.strip();
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!SIGMA_FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("sigma.mapping.error.sigmaField");
        }
        if (!DetectionFields.exists(property)) {
            throw new IllegalArgumentException("sigma.mapping.error.detectionField");
        }
        if (text != null && text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("sigma.mapping.error.note");
        }
        int changed = jdbc.update("update sigma_field_mappings set detection_field = ?, note = ? where sigma_field = ?",
                property, text, field);
        if (changed == 0) {
            jdbc.update("insert into sigma_field_mappings (sigma_field, detection_field, note) values (?, ?, ?)",
                    field, property, text);
        }
        events.publishEvent(new SigmaMappingChanged(actor, field, (changed == 0 ? "added: " : "changed: ") + property
                + (text == null ? "" : " (" + text + ")")));
        return changed == 0;
    }

    /** @return whether there was such a mapping */
    @Transactional
    public boolean remove(String sigmaField, String actor) {
        boolean removed = jdbc.update("delete from sigma_field_mappings where sigma_field = ?", sigmaField) > 0;
        if (removed) {
            events.publishEvent(new SigmaMappingChanged(actor, sigmaField, "removed"));
        }
        return removed;
    }
}
