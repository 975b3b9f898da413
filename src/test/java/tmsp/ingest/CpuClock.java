package tmsp.ingest;

import java.lang.management.ManagementFactory;

/**
 * Wall and CPU time of a stretch of test work. CPU time is what to compare across runs: on a shared machine
 * the wall time says as much about the neighbours as about the tests.
 */
final class CpuClock {

    private long wallStart;
    private long cpuStart;
    private final java.util.concurrent.atomic.AtomicLong parseNanos = new java.util.concurrent.atomic.AtomicLong();

    void start() {
        wallStart = System.nanoTime();
        cpuStart = processCpuNanos();
    }

    /** CPU time spent inside the parsers, as opposed to generating lines, JIT and GC. */
    void addParseNanos(long nanos) {
        parseNanos.addAndGet(nanos);
    }

    long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    String report() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        return String.format("%.1f s wall, %.1f s CPU of the test JVM (JIT and GC included), %.1f s of it parsing",
                wall, cpu, parseNanos.get() / 1e9);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
