package tmsp.report.internal;

/** The kinds of report; CUSTOM is one made on demand for a chosen range. */
enum ReportType {
    DAILY("report/daily"), WEEKLY("report/weekly"), MONTHLY("report/monthly"), CUSTOM("report/weekly");

    /** The Thymeleaf template that serves both the HTML view and the PDF. */
    final String template;

    ReportType(String template) {
        this.template = template;
    }

    /** Those recipients can subscribe to: the scheduled ones. */
    static final java.util.List<ReportType> SCHEDULED = java.util.List.of(DAILY, WEEKLY, MONTHLY);

    public String messageKey() {
        return "report.type." + name();
    }

    public String fileStem() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
