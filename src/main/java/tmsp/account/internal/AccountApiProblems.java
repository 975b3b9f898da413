package tmsp.account.internal;

import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The account API's own failures as problem details; generic ones are left to the web module. */
@RestControllerAdvice(assignableTypes = AccountApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountApiProblems {

    private final MessageSource messages;

    AccountApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(AccountNotFound.class)
    ProblemDetail notFound(AccountNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccountRejected.class)
    ProblemDetail rejected(AccountRejected e) {
        HttpStatus status = e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", text(p.code()))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.get(0).get("message"));
        problem.setProperty("errors", errors);
        return problem;
    }

    private String text(String code) {
        return messages.getMessage(code, new Object[] {""}, code, LocaleContextHolder.getLocale());
    }
}
