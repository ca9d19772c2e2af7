package dev.backloop.boot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the JSON object in one file of an app directory, turning every failure into a
 * {@link BootException} that names the file (and the line and column of a syntax error).
 */
public final class JsonFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFile() {
    }

    /**
     * The object in {@code file}.
     *
     * @throws BootException when the file cannot be read, is not valid JSON, or holds no object
     */
    public static ObjectNode read(Path file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BootException(file + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BootException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new BootException(file + ": is empty; expected a JSON object");
        }
        if (!node.isObject()) {
            throw new BootException(file + ": expected a JSON object but found "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    /** The object in {@code file}, or an empty object when the file does not exist. */
    public static ObjectNode readIfExists(Path file) {
        return Files.isRegularFile(file) ? read(file) : MAPPER.createObjectNode();
    }
}
