package tmsp.correlation.authoring.backtest;

/** Where a rule test is: waiting for a worker, running, or ended one of three ways. */
public enum TestStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public boolean ended() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
