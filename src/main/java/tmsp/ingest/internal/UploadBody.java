package tmsp.ingest.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tmsp.appliance.ApplianceApiRefusal;

/**
 * An upload's body as lines: optionally gunzipped, with the compressed and the decompressed size bounded
 * (a gzip bomb is refused, not unpacked), gzip data that is corrupt or ends early refused as the client's
 * error, and bad UTF-8 replaced rather than fatal.
 */
final class UploadBody {

    private UploadBody() {
    }

    static Reader lines(InputStream raw, boolean gzip, IngestLimits limits) throws IOException {
        InputStream body = new Bounded(raw, limits.maxBody().toBytes(), "The body is larger than " + limits.maxBody());
        if (gzip) {
            try {
                body = new Bounded(new Gunzipped(new GZIPInputStream(body, 64 * 1024)),
                        limits.maxDecompressed().toBytes(), "The body unpacks to more than " + limits.maxDecompressed());
            } catch (ZipException | EOFException e) {
                throw ApplianceApiRefusal.badRequest("Content-Encoding is gzip but the body is not gzip data");
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(body, decoder);
    }

    /**
     * Refuses gzip data that turns out corrupt or broken off part way with 400: the sender's error, not ours.
     * A failure of the connection itself is another IOException and passes unchanged.
     */
    private static final class Gunzipped extends FilterInputStream {

        Gunzipped(GZIPInputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        private static ApplianceApiRefusal corrupt(IOException e) {
            return ApplianceApiRefusal.badRequest("The gzip data is corrupt or ends early (" + e.getMessage()
                    + "); nothing was stored");
        }
    }

    /** Counts bytes and refuses with 413 past the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String message;
        private long count;

        Bounded(InputStream in, long limit, String message) {
            super(in);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new ApplianceApiRefusal(413, message);
            }
        }
    }
}
