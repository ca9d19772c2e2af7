package dev.backloop.connector.memory;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LoopBack 3's memory connector file: {@code {"ids": {"Model": nextId}, "models": {"Model": {"<id>":
 * "<record as JSON text>"}}}}, indented with two spaces as {@code JSON.stringify(data, null, '  ')} writes
 * it. Written atomically: a temporary file in the same folder, forced to disk, then renamed over the old one.
 */
final class MemoryFile {
    private final Path file;
    private final RecordJson json;

    /** What a file holds: the id counters and, per collection, id text to record JSON, in file order. */
    record Contents(Map<String, Long> ids, Map<String, Map<String, String>> models) {
    }

    /** One collection to write: its next id and its records as (id text, JSON) pairs in id order. */
    record Collection(String name, long nextId, List<Map.Entry<String, String>> records) {
    }

    MemoryFile(Path file, RecordJson json) {
        this.file = file;
        this.json = json;
    }

    Path path() {
        return file;
    }

    /**
     * Reads the file; a missing or blank file is empty.
     *
     * @throws IllegalStateException naming the file when it cannot be read or is not a memory file
     */
    Contents read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(new LinkedHashMap<>(), new LinkedHashMap<>());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the memory connector file " + file + ": " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            return new Contents(new LinkedHashMap<>(), new LinkedHashMap<>());
        }
        try {
            JsonNode root = json.mapper().readTree(text);
            if (root == null || !root.isObject()) {
                throw corrupt("the top level is not a JSON object", null);
            }
            Map<String, Long> ids = new LinkedHashMap<>();
            JsonNode idsNode = root.path("ids");
            if (!idsNode.isMissingNode() && !idsNode.isNull()) {
                if (!idsNode.isObject()) {
                    throw corrupt("\"ids\" is not an object", null);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = idsNode.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (!entry.getValue().isNumber()) {
                        throw corrupt("\"ids\"." + entry.getKey() + " is not a number", null);
                    }
                    ids.put(entry.getKey(), entry.getValue().asLong());
                }
            }
            Map<String, Map<String, String>> models = new LinkedHashMap<>();
            JsonNode modelsNode = root.path("models");
            if (!modelsNode.isMissingNode() && !modelsNode.isNull()) {
                if (!modelsNode.isObject()) {
                    throw corrupt("\"models\" is not an object", null);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = modelsNode.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> model = it.next();
                    if (!model.getValue().isObject()) {
                        throw corrupt("\"models\"." + model.getKey() + " is not an object", null);
                    }
                    Map<String, String> records = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> rs = model.getValue().fields(); rs.hasNext(); ) {
                        Map.Entry<String, JsonNode> record = rs.next();
                        JsonNode value = record.getValue();
                        // LoopBack stores JSON text; it also reads plain objects (deserialize())
                        if (value.isTextual()) {
                            records.put(record.getKey(), value.textValue());
                        } else if (value.isObject()) {
                            records.put(record.getKey(), json.mapper().writeValueAsString(value));
                        } else {
                            throw corrupt("record " + model.getKey() + "." + record.getKey() + " is neither JSON text nor an object", null);
                        }
                    }
                    models.put(model.getKey(), records);
                }
            }
            return new Contents(ids, models);
        } catch (IOException e) {
            throw corrupt(e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? jp.getOriginalMessage() : e.getMessage(), e);
        }
    }

    /** An error about this file's content, naming it. */
    IllegalStateException corrupt(String reason, Throwable cause) {
        return new IllegalStateException("The memory connector file " + file + " is not valid: " + reason
                + " (the file was left untouched)", cause);
    }

    /** The file's text, as LoopBack writes it. */
    static String render(List<Collection> collections) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder(1024);
        out.append("{\n  \"ids\": ");
        if (collections.isEmpty()) {
            out.append("{}");
        } else {
            out.append("{\n");
            for (int i = 0; i < collections.size(); i++) {
                Collection c = collections.get(i);
                out.append("    \"").append(encoder.quoteAsString(c.name())).append("\": ").append(c.nextId());
                out.append(i < collections.size() - 1 ? ",\n" : "\n");
            }
            out.append("  }");
        }
        out.append(",\n  \"models\": ");
        if (collections.isEmpty()) {
            out.append("{}");
        } else {
            out.append("{\n");
            for (int i = 0; i < collections.size(); i++) {
                Collection c = collections.get(i);
                out.append("    \"").append(encoder.quoteAsString(c.name())).append("\": ");
                if (c.records().isEmpty()) {
                    out.append("{}");
                } else {
                    out.append("{\n");
                    List<Map.Entry<String, String>> records = c.records();
                    for (int r = 0; r < records.size(); r++) {
                        out.append("      \"").append(encoder.quoteAsString(records.get(r).getKey())).append("\": \"")
                                .append(encoder.quoteAsString(records.get(r).getValue())).append('"');
                        out.append(r < records.size() - 1 ? ",\n" : "\n");
                    }
                    out.append("    }");
                }
                out.append(i < collections.size() - 1 ? ",\n" : "\n");
            }
            out.append("  }");
        }
        out.append("\n}");
        return out.toString();
    }

    /**
     * Replaces the file with {@code text} so that a crash leaves either the old or the new file, never a
     * part: temporary file in the same folder, fsync, atomic rename, fsync of the folder.
     */
    void write(String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + absolute + " cannot rename atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder(folder);
    }

    // makes the rename itself durable; not possible on every platform (Windows), where it is skipped
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
