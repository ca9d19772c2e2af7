package dev.backloop.rest;

import dev.backloop.error.HttpError;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The body of a {@code type: "file"} result: text and bytes as they are, streams and files copied to the
 * client as they are read, so a large download never sits in memory.
 */
final class FileBody {
    private FileBody() {
    }

    static Object of(Object value) {
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof InputStream in) {
            return (StreamingOutput) out -> {
                try (in) {
                    in.transferTo(out);
                }
            };
        }
        Path path = value instanceof File file ? file.toPath() : value instanceof Path p ? p : null;
        if (path != null) {
            if (!Files.isReadable(path)) {
                throw new HttpError(500, "Error", "Cannot create a file response from an unreadable file");
            }
            return (StreamingOutput) out -> Files.copy(path, out);
        }
        throw new HttpError(500, "Error", "Cannot create a file response from "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
