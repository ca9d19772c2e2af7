package dev.backloop.cli.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.CliError;
import dev.backloop.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes an app's JSON files as LoopBack's generators do ({@code JSON.stringify(value, null, 2)}
 * and a final newline), so a file written twice with the same content is the same bytes and a diff shows
 * only what changed. Keys keep the order they have; see {@link Lb3Order} for new ones.
 */
public final class StableJson {
    private static final ObjectWriter WRITER = Json.mapper().writer(printer());

    private StableJson() {
    }

    /** The object in {@code file}; an empty object when the file does not exist. */
    public static ObjectNode read(Path file) {
        if (!Files.exists(file)) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                return Json.mapper().createObjectNode();
            }
            if (!node.isObject()) {
                throw CliError.failed(file + " does not hold a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw CliError.failed(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(JsonNode value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code value} to {@code file}, creating its folders. */
    public static void write(Path file, JsonNode value) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
