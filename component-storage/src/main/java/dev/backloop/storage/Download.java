package dev.backloop.storage;

import dev.backloop.error.HttpError;
import dev.backloop.remoting.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer of {@code download}: the file streamed, with {@code ETag} and {@code Last-Modified},
 * 304 when {@code If-None-Match} holds, and one {@code Range} (206, or 416 when unsatisfiable).
 */
final class Download {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private Download() {
    }

    static Map<String, Object> serve(Invocation inv, StorageService store, String container, String name) {
        StorageService.FileStat stat = store.stat(container, name);
        long size = stat.size();
        long modified = stat.lastModified().toEpochMilli();
        String etag = "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
        var response = inv.response();
        response.header("ETag", etag);
        response.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                stat.lastModified().atZone(ZoneOffset.UTC)));
        response.header("Accept-Ranges", "bytes");
        response.header("Content-Disposition", StorageMethods.contentDisposition(name));
        String ifNoneMatch = inv.request().header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.status(304);
            return null;
        }
        long start = 0;
        long length = size;
        String range = inv.request().header("Range");
        String ifRange = inv.request().header("If-Range");
        if (range != null && (ifRange == null || ifRange.trim().equals(etag))) {
            long[] span = span(range.trim(), size);
            if (span != null) {
                start = span[0];
                length = span[1] - span[0] + 1;
                response.status(206);
                response.header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
            }
        }
        response.header("Content-Length", length);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("body", new BoundedInputStream(store.download(container, name, start), length));
        result.put("Content-Type", ContentTypes.forDownload(name));
        return result;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String bare = etag.substring(2);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals(bare) || t.equals("W/" + bare)) {
                return true;
            }
        }
        return false;
    }

    /** The first and last byte of a single range, or null to send the whole file (several ranges, bad syntax). */
    private static long[] span(String range, long size) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        long first;
        long last;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                first = Math.max(0, size - suffix);
                last = size - 1;
                if (suffix == 0) {
                    throw unsatisfiable(size);
                }
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (first >= size || first > last) {
            throw unsatisfiable(size);
        }
        return new long[] {first, last};
    }

    private static HttpError unsatisfiable(long size) {
        return new HttpError(416, "RangeNotSatisfiableError", "Range Not Satisfiable", "RANGE_NOT_SATISFIABLE",
                Map.of("size", size));
    }

    /** Reads at most {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
