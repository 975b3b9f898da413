package tmsp.appliance.internal;

/** A refusal of the appliance API with its HTTP status; the route's error configuration answers it. */
class ApplianceProblem extends RuntimeException {

    private final int status;

    ApplianceProblem(int status, String detail) {
        super(detail);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApplianceProblem badRequest(String detail) {
        return new ApplianceProblem(400, detail);
    }

    static ApplianceProblem unauthorized() {
        return new ApplianceProblem(401, "Missing or bad credentials");
    }
}
