package tmsp.simulator;

/** A machine on a monitored network, as a detection names it. */
record Host(String name, String address, String mac) {
}
