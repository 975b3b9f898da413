package tmsp.ingest.internal;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import tmsp.ingest.Detection;
import tmsp.ingest.ParseError;
import tmsp.ingest.ParseErrorCode;
import tmsp.ingest.ParseOutcome;
import tmsp.support.Printable;

/**
 * The oracle of the fuzz targets: whatever the input, the answer is a detection or a parse error with a reason,
 * never an exception and never the INTERNAL_ERROR safety net (which means one escaped); and what a call
 * allocates is bounded by the line limit, not by the input, so a hostile line cannot make us hold more.
 */
final class ParserPromise {

    /** Bytes a call may allocate per character it is allowed to look at: copies, escapes, maps, boxed fields. */
    static final long BYTES_PER_CHARACTER = 64;
    /** What any call may allocate regardless of the line: matchers, builders, the detection record. */
    static final long BASE_BYTES = 256 * 1024;
    /**
     * While fuzzing, the fuzzer's tracing of every comparison allocates far more than the code under test (3 MB
     * for a line of 1,100 characters that the parser itself reads with 2 KB), so allocation is checked only when
     * inputs are replayed without Jazzer's method hooks ({@code -Djazzer.hooks=false}): by {@code ./mvnw verify}
     * on the seed corpus, and by {@code bench/fuzz.sh} on the corpus each fuzzing run grew.
     */
    static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ParserPromise() {
    }

    /** Checks one answer of a parser given {@code line}, read under the limit {@code lineLimit}. */
    static ParseOutcome check(Supplier<ParseOutcome> parse, String line, int lineLimit) {
        ParseOutcome outcome = withinMemory(parse, bound(line.length(), lineLimit), "parsing " + Printable.of(line));
        if (outcome instanceof ParseError error) {
            if (error.code() == ParseErrorCode.INTERNAL_ERROR || error.reason().isBlank()) {
                throw new AssertionError(error + " for line " + Printable.of(line));
            }
        } else if (outcome instanceof Detection detection) {
            if (detection.raw() == null || detection.raw().length() > lineLimit) {
                throw new AssertionError("a detection from a line over the limit of " + lineLimit + ": "
                        + Printable.of(line));
            }
        } else {
            throw new AssertionError("no answer for line " + Printable.of(line));
        }
        return outcome;
    }

    /** What a call may allocate for an input of {@code length} characters of which it may keep {@code limit}. */
    static long bound(long length, long limit) {
        return BASE_BYTES + BYTES_PER_CHARACTER * Math.min(length, limit);
    }

    /**
     * Runs {@code call} and checks that it allocated at most {@code bound} bytes. A call over the bound runs once
     * more before it counts: the first call of a path also loads classes and fills caches, which is no cost of
     * the input. The call must give the same answer each time.
     */
    static <T> T withinMemory(Supplier<T> call, long bound, String what) {
        if (FUZZING) {
            return call.get();
        }
        long allocated = allocatedBy(call);
        if (allocated > bound) {
            allocated = allocatedBy(call);
            if (allocated > bound) {
                throw new AssertionError(what + " allocated " + allocated + " bytes; the bound is " + bound);
            }
        }
        return call.get();
    }

    private static long allocatedBy(Supplier<?> call) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        call.get();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
