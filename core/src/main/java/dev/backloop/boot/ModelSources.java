package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.security.BuiltInModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The model definition files of an app ({@code *.json} in the {@code _meta.sources} folders), read
 * lazily: only the models asked for, and the bases they extend, are turned into definitions.
 */
final class ModelSources {
    /** One definition file: where it is and what it holds. */
    private record Source(String origin, ObjectNode json) {
    }

    private final List<Path> folders;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, ModelDefinition> resolved = new LinkedHashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final ModelDefinitionReader reader =
            new ModelDefinitionReader(name -> Optional.ofNullable(resolved.get(name)));

    /**
     * @param folders the folders to scan, in order; missing ones are skipped
     * @throws BootException when a file is not valid JSON or two files define the same model
     */
    ModelSources(List<Path> folders) {
        this.folders = List.copyOf(folders);
        for (Path folder : folders) {
            for (Path file : jsonFiles(folder)) {
                ObjectNode json = JsonFile.read(file);
                JsonNode name = json.get("name");
                if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                    throw new BootException(file + ": Model definition has no \"name\"; every model JSON file "
                            + "needs \"name\": \"ModelName\"");
                }
                String modelName = name.textValue().trim();
                Source previous = sources.putIfAbsent(modelName, new Source(file.toString(), json));
                if (previous != null) {
                    throw new BootException("Model " + modelName + " is defined twice: in " + previous.origin()
                            + " and in " + file);
                }
            }
        }
        // LoopBack's own models, unless the app defines its own of the same name
        for (String builtIn : BuiltInModels.names()) {
            if (!sources.containsKey(builtIn)) {
                sources.put(builtIn, new Source(BuiltInModels.origin(builtIn), BuiltInModels.definition(builtIn).orElseThrow()));
            }
        }
    }

    List<Path> folders() {
        return folders;
    }

    boolean defines(String modelName) {
        return sources.containsKey(modelName);
    }

    /** The definition of {@code modelName}, reading its bases first. The model must be {@link #defines defined}. */
    ModelDefinition definition(String modelName) {
        ModelDefinition done = resolved.get(modelName);
        if (done != null) {
            return done;
        }
        Source source = sources.get(modelName);
        if (!resolving.add(modelName)) {
            throw new BootException("Models extend each other in a cycle: " + String.join(" -> ", resolving)
                    + " -> " + modelName);
        }
        JsonNode base = source.json().get("base");
        if (base != null && base.isTextual() && defines(base.textValue().trim())) {
            definition(base.textValue().trim());
        }
        ModelDefinition definition;
        try {
            definition = reader.read(source.json());
        } catch (BootException e) {
            throw new BootException(source.origin() + ": " + e.getMessage(), e);
        }
        resolving.remove(modelName);
        resolved.put(modelName, definition);
        return definition;
    }

    /** Every definition read so far, each base before the models extending it. */
    List<ModelDefinition> resolvedInOrder() {
        return new ArrayList<>(resolved.values());
    }

    private static List<Path> jsonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // Sorted, so "defined twice" errors and definition order do not depend on the file system.
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BootException(folder + ": cannot list model definitions: " + e.getMessage(), e);
        }
    }
}
