package tmsp.report.internal;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;

/** Names shared by processes/report-distribution.bpmn, its starter and its delegates. */
final class ReportProcess {

    static final String KEY = "report-distribution";
    static final String ACCOUNT_ID = "accountId";
    /** The correlated day the night's reports are about, ISO date. */
    static final String DAY = "day";
    static final String WEEKLY_DUE = "weeklyDue";
    static final String MONTHLY_DUE = "monthlyDue";
    /** Input parameter of each generate task: DAILY, WEEKLY or MONTHLY. */
    static final String REPORT_TYPE = "reportType";
    /** Transient: one entry per mail to send, read in the transaction that sets it (never stored). */
    static final String DELIVERIES = "deliveries";
    /** One mail: {@code recipientKey|TYPE}. */
    static final String DELIVERY = "delivery";
    static final String SEND_ACTIVITY = "send-report";

    private ReportProcess() {
    }

    /** One process per account and day: a second event for the same night finds this key taken. */
    static String businessKey(long accountId, LocalDate day) {
        return accountId + ":" + day;
    }

    static Object deliveries(List<String> deliveries) {
        return Variables.objectValue(deliveries, true).create();
    }

    static String delivery(String recipientKey, ReportType type) {
        return recipientKey + "|" + type.name();
    }

    /** The period of a scheduled report made the night after {@code day}. */
    static ReportPeriod periodOf(ReportType type, LocalDate day) {
        return switch (type) {
            case DAILY -> ReportPeriod.day(day);
            case WEEKLY -> ReportPeriod.weekOf(day);
            case MONTHLY -> ReportPeriod.month(java.time.YearMonth.from(day));
            case CUSTOM -> throw new IllegalArgumentException("on-demand reports are not distributed");
        };
    }
}
