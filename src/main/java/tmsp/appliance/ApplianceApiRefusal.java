package tmsp.appliance;

/**
 * A refusal of the appliance API with its HTTP status (and, under overload, when to retry). The routes'
 * shared error configuration answers it as a problem detail; any module behind a route may throw it.
 */
public class ApplianceApiRefusal extends RuntimeException {

    private final int status;
    private final Integer retryAfterSeconds;

    public ApplianceApiRefusal(int status, String detail) {
        this(status, detail, null);
    }

    public ApplianceApiRefusal(int status, String detail, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What to answer for any failure: the refusal itself, or a 500 that does not leak the cause. */
    public static ApplianceApiRefusal of(Throwable failure, String unexpectedDetail) {
        return failure instanceof ApplianceApiRefusal refusal ? refusal : new ApplianceApiRefusal(500, unexpectedDetail);
    }

    public static ApplianceApiRefusal badRequest(String detail) {
        return new ApplianceApiRefusal(400, detail);
    }

    public static ApplianceApiRefusal unauthorized() {
        return new ApplianceApiRefusal(401, "Missing or bad credentials");
    }
}
