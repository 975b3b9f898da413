package tmsp.correlation.internal;

/** What started a correlation run: the nightly schedule, or someone asking for it. */
enum RunTrigger {
    NIGHTLY, ON_DEMAND
}
