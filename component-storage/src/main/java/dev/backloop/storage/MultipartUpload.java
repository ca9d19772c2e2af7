package dev.backloop.storage;

import dev.backloop.error.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Reads a {@code multipart/form-data} upload with Jetty's push parser, one small buffer at a time: file
 * parts go straight to disk ({@link UploadParts}), so the heap holds a buffer, never a file. The files
 * get their names only when the whole body has been read; on any failure none does.
 */
final class MultipartUpload {
    private static final int BUFFER = 64 * 1024;

    private MultipartUpload() {
    }

    /** Stores the files of the body in the container; returns LB3's {@code {files, fields}}. */
    static Map<String, Object> receive(InputStream in, String contentType, UploadParts parts) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new HttpError(400, "BadRequestError", "An upload must be sent as multipart/form-data with a boundary",
                    "MULTIPART_EXPECTED", null);
        }
        MultiPart.Parser parser = new MultiPart.Parser(boundary, parts);
        // one buffer for the whole body: the listener writes or copies every piece before parse returns
        byte[] buffer = new byte[BUFFER];
        try (in) {
            while (parts.failure() == null && !parts.complete()) {
                int n = in.read(buffer);
                if (n < 0) {
                    parser.parse(Content.Chunk.EOF);
                    break;
                }
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
            }
        } catch (IOException e) {
            parts.fail(new HttpError(400, "BadRequestError", "The upload could not be read: " + e.getMessage(),
                    "request.aborted", null));
        }
        if (parts.failure() == null && !parts.complete()) {
            parts.fail(new HttpError(400, "BadRequestError", "The multipart body ended before its closing boundary",
                    "MULTIPART_TRUNCATED", null));
        }
        if (parts.failure() != null) {
            parts.discard();
            throw parts.failure();
        }
        parts.commit();
        return parts.result();
    }
}
