package tmsp.mitigation.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import tmsp.mitigation.CaseStatus;

/**
 * The Case List's query parameters as the browser sent them (all text, so that nothing fails to bind) and the
 * cleaned {@link CaseListQuery.Request} they make: what cannot be read is left out and named in {@link #problems}.
 */
record CaseListForm(String status, String q, String from, String to, String sort, String dir, String page,
                    String size) {

    static final int DEFAULT_SIZE = 25;

    /** The request, and the message keys of the parameters that were ignored. */
    record Parsed(CaseListQuery.Request request, List<String> problems) {
    }

    Parsed parse(long accountId, ZoneId zone) {
        List<String> problems = new ArrayList<>();
        CaseStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CaseStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("mitigation.cases.filter.badStatus");
            }
        }
        LocalDate fromDay = day(from, problems);
        LocalDate toDay = day(to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add("mitigation.cases.filter.badRange");
            fromDay = null;
            toDay = null;
        }
        return new Parsed(new CaseListQuery.Request(accountId, wanted, q,
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), // "to" is the whole day
                sort, ascending(), number(page, 0), number(size, DEFAULT_SIZE)), problems);
    }

    /** Newest first unless asked otherwise; a column chosen without a direction sorts ascending. */
    private boolean ascending() {
        if (dir == null || dir.isBlank()) {
            return sort != null && !sort.isBlank();
        }
        return !"desc".equalsIgnoreCase(dir.trim());
    }

    /** The list's URL with this filter and the request's order, for the pager to add its page to. */
    String pagerPath(String listPath, CaseListQuery.Request request) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(listPath);
        params().forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("sort", request.sort()).queryParam("dir", request.ascending() ? "asc" : "desc")
                .encode().toUriString();
    }

    /** The parameters to repeat in the page's links (sort and paging links keep the filter). */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("q", q);
        params.put("from", from);
        params.put("to", to);
        params.put("size", size);
        return params;
    }

    private static LocalDate day(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.trim());
            return day.getYear() < 1970 || day.getYear() > 9999 ? invalid(problems) : day;
        } catch (DateTimeException e) {
            return invalid(problems);
        }
    }

    private static LocalDate invalid(List<String> problems) {
        problems.add("mitigation.cases.filter.badDate");
        return null;
    }

    private static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
