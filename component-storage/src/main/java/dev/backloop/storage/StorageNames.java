package dev.backloop.storage;

import dev.backloop.error.HttpError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Checks container and file names before they touch the disk: one plain path segment, or a 400. LoopBack
 * 3's storage component joined names to the root unchecked (a path traversal hole); this does not.
 */
final class StorageNames {
    static final int MAX_BYTES = 255;

    private StorageNames() {
    }

    /** The child of {@code parent} named {@code name}, after checking the name is a plain segment. */
    static Path resolve(Path parent, String kind, String name) {
        check(kind, name);
        Path resolved = parent.resolve(name).normalize();
        // belt and braces: whatever the checks missed must still stay directly under the parent
        if (!resolved.startsWith(parent) || !parent.equals(resolved.getParent())) {
            throw invalid(kind, name, "it leaves the storage root");
        }
        return resolved;
    }

    static void check(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(kind, "", "it is empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid(kind, name.substring(0, 32) + "...", "it is longer than " + MAX_BYTES + " bytes");
        }
        if (name.startsWith(".")) {
            throw invalid(kind, name, "it starts with a dot");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                throw invalid(kind, name, "it contains a path separator or a control character");
            }
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            throw invalid(kind, name, "it is an absolute path");
        }
    }

    private static HttpError invalid(String kind, String name, String why) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return new HttpError(400, "BadRequestError", "Invalid " + kind + " name \"" + shown + "\": " + why,
                "INVALID_NAME", null);
    }
}
