package tmsp.correlation.internal;

/** Where a correlation run is: waiting for its job, running, finished, or failed (its job is retried). */
enum RunStatus {
    QUEUED, RUNNING, DONE, FAILED
}
