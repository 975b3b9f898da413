package tmsp.mitigation.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it is read: a failed read, or an end before the declared Content-Length, is an upload the
 * client broke off ({@link BrokenOff}), told apart from a failure of the disk the store writes to.
 */
final class SampleBody extends FilterInputStream {

    /** The client went away or sent less than it declared. */
    static final class BrokenOff extends IOException {

        BrokenOff(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final long declaredLength;
    private long read;

    /** @param declaredLength the Content-Length, or -1 for a chunked body */
    SampleBody(InputStream in, long declaredLength) {
        super(in);
        this.declaredLength = declaredLength;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw new BrokenOff("The upload broke off after " + read + " bytes", e);
        }
        if (n < 0 && declaredLength >= 0 && read < declaredLength) {
            throw new BrokenOff("The upload ended after " + read + " of " + declaredLength + " bytes", null);
        }
        if (n > 0) {
            read += n;
        }
        return n;
    }
}
