package tmsp.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Dates and times as the portal shows them, in its configured time zone: {@code ${@fmt.dateTime(x)}}. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    Formats(@Value("${tmsp.time-zone}") ZoneId zone) {
        this.zone = zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public String zone() {
        return zone.getId();
    }
}
