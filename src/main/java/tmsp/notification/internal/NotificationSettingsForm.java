package tmsp.notification.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;

/** Administration › Notifications. The warning days are typed as a list: {@code 30, 15, 10, 5, 3, 1}. */
class NotificationSettingsForm {

    static final int MAX_WARNING_DAY = 365;
    static final int MAX_WARNINGS = 20;

    @NotBlank
    @Size(max = 200)
    private String expiryWarningDays;
    @NotNull
    @Min(1)
    @Max(365)
    private Integer incidentWindowDays;
    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Integer tooManyIncidents;
    @NotNull
    @Min(0)
    @Max(1_000_000)
    private Integer tooFewIncidents;
    @NotNull
    @Min(1)
    @Max(1440)
    private Integer heartbeatIntervalMinutes;

    static NotificationSettingsForm of(NotificationSettings settings) {
        NotificationSettingsForm form = new NotificationSettingsForm();
        form.expiryWarningDays = String.join(", ", settings.expiryWarningDays().stream().map(String::valueOf).toList());
        form.incidentWindowDays = settings.incidentWindowDays();
        form.tooManyIncidents = settings.tooManyIncidents();
        form.tooFewIncidents = settings.tooFewIncidents();
        form.heartbeatIntervalMinutes = (int) Math.max(1, settings.heartbeatInterval().toMinutes());
        return form;
    }

    /** What bean validation cannot say: the list of days, and that "too few" stays below "too many". */
    void validate(Errors errors) {
        if (!errors.hasFieldErrors("expiryWarningDays") && warningDays() == null) {
            errors.rejectValue("expiryWarningDays", "notification.settings.warningDaysInvalid");
        }
        if (tooFewIncidents != null && tooManyIncidents != null && !errors.hasFieldErrors("tooFewIncidents")
                && tooFewIncidents > tooManyIncidents) {
            errors.rejectValue("tooFewIncidents", "notification.settings.tooFewAboveTooMany");
        }
    }

    /** The days, or null when the text is not a list of 1 to 20 whole numbers from 1 to 365. */
    List<Integer> warningDays() {
        if (expiryWarningDays == null || !expiryWarningDays.strip().matches("\\d{1,3}(\\s*,\\s*\\d{1,3})*")) {
            return null;
        }
        List<Integer> days = new ArrayList<>();
        for (String part : expiryWarningDays.split(",")) {
            int day = Integer.parseInt(part.strip());
            if (day < 1 || day > MAX_WARNING_DAY) {
                return null;
            }
            days.add(day);
        }
        return days.size() <= MAX_WARNINGS ? days : null;
    }

    NotificationSettings toSettings() {
        return new NotificationSettings(warningDays(), incidentWindowDays, tooManyIncidents, tooFewIncidents,
                Duration.ofMinutes(heartbeatIntervalMinutes));
    }

    public String getExpiryWarningDays() { return expiryWarningDays; }
    public void setExpiryWarningDays(String expiryWarningDays) { this.expiryWarningDays = expiryWarningDays; }
    public Integer getIncidentWindowDays() { return incidentWindowDays; }
    public void setIncidentWindowDays(Integer incidentWindowDays) { this.incidentWindowDays = incidentWindowDays; }
    public Integer getTooManyIncidents() { return tooManyIncidents; }
    public void setTooManyIncidents(Integer tooManyIncidents) { this.tooManyIncidents = tooManyIncidents; }
    public Integer getTooFewIncidents() { return tooFewIncidents; }
    public void setTooFewIncidents(Integer tooFewIncidents) { this.tooFewIncidents = tooFewIncidents; }
    public Integer getHeartbeatIntervalMinutes() { return heartbeatIntervalMinutes; }
    public void setHeartbeatIntervalMinutes(Integer minutes) { this.heartbeatIntervalMinutes = minutes; }
}
