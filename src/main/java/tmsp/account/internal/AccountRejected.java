package tmsp.account.internal;

import java.util.List;

/**
 * An account change that breaks a rule the form's annotations cannot see (a taken name, an end date
 * before the start). Carries field-level message keys so the form and the API can both show them.
 */
class AccountRejected extends RuntimeException {

    record FieldProblem(String field, String code) {
    }

    private final List<FieldProblem> problems;
    /** A conflict with existing data (409) rather than bad input (400). */
    private final boolean conflict;

    AccountRejected(List<FieldProblem> problems, boolean conflict) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static AccountRejected of(String field, String code, boolean conflict) {
        return new AccountRejected(List.of(new FieldProblem(field, code)), conflict);
    }

    List<FieldProblem> problems() {
        return problems;
    }

    boolean isConflict() {
        return conflict;
    }
}
