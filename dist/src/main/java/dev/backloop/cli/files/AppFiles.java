package dev.backloop.cli.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.CliError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The files of an app directory in LoopBack 3 layout that the commands read and change. Model definitions
 * are found by their {@code "name"} in the model-config.json {@code _meta.sources} folders, as boot finds
 * them; new ones go to {@code common/models/<kebab-name>.json}.
 */
public final class AppFiles {
    /** loopback-boot's default sources, relative to {@code server/}; {@code loopback/} ones are LoopBack's own. */
    private static final List<String> DEFAULT_SOURCES = List.of("../common/models", "./models");

    private final Path root;

    private AppFiles(Path root) {
        this.root = root;
    }

    /**
     * The app in {@code directory}.
     *
     * @throws CliError when it has no {@code server/model-config.json}
     */
    public static AppFiles of(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("server/model-config.json"))) {
            throw CliError.usage(directory + " is not an app directory (it has no server/model-config.json); "
                    + "create one with: backloop new " + directory);
        }
        return new AppFiles(root);
    }

    public Path root() {
        return root;
    }

    public Path modelConfig() {
        return root.resolve("server/model-config.json");
    }

    public Path dataSources() {
        return root.resolve("server/datasources.json");
    }

    public Path componentConfig() {
        return root.resolve("server/component-config.json");
    }

    /** Where {@code model new} writes a model's definition. */
    public Path newModelFile(String model) {
        return root.resolve("common/models").resolve(Names.kebab(model) + ".json");
    }

    /** The datasource names of datasources.json, in file order. */
    public List<String> dataSourceNames() {
        List<String> names = new ArrayList<>();
        StableJson.read(dataSources()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every model definition file of the app, by model name. */
    public Map<String, Path> modelFiles() {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path folder : sourceFolders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode name = StableJson.read(file).get("name");
                    if (name != null && name.isTextual()) {
                        found.putIfAbsent(name.textValue(), file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The names of the app's models. */
    public List<String> modelNames() {
        return List.copyOf(modelFiles().keySet());
    }

    /**
     * The app's models, for a command that works on one of them.
     *
     * @throws CliError when the app has none yet, saying how to add one
     */
    public List<String> requireModelNames() {
        List<String> models = modelNames();
        if (models.isEmpty()) {
            throw CliError.usage("the app has no models yet; add one with: backloop model NAME");
        }
        return models;
    }

    /** What is wrong with naming {@code model} among {@code models}: {@code null} when it is one of them. */
    public static String unknownModelProblem(List<String> models, String model) {
        return models.contains(model) ? null
                : "the app has no model \"" + model + "\" (models: " + String.join(", ", models) + ")";
    }

    /**
     * The definition file of an existing model.
     *
     * @throws CliError naming the models there are
     */
    public Path modelFile(String model) {
        return Optional.ofNullable(modelFiles().get(model)).orElseThrow(() -> CliError.usage("the app has no model \""
                + model + "\" (models: " + String.join(", ", modelNames()) + "); create it with: backloop model " + model));
    }

    /** Reads a model definition, changes it and writes it back in LoopBack's key order. */
    public void editModel(String model, Consumer<ObjectNode> change) {
        Path file = modelFile(model);
        ObjectNode definition = StableJson.read(file);
        change.accept(definition);
        StableJson.write(file, Lb3Order.model(definition));
    }

    /** Refuses to overwrite an existing file unless forced. */
    public static void requireAbsent(Path file, boolean force) {
        if (!force && Files.exists(file)) {
            throw CliError.usage(file + " already exists; use --force to overwrite it");
        }
    }

    private List<Path> sourceFolders() {
        JsonNode sources = StableJson.read(modelConfig()).path("_meta").path("sources");
        List<String> names = new ArrayList<>();
        if (sources.isArray()) {
            sources.forEach(s -> names.add(s.asText()));
        } else {
            names.addAll(DEFAULT_SOURCES);
        }
        return names.stream().filter(s -> !s.startsWith("loopback/"))
                .map(s -> root.resolve("server").resolve(s).normalize()).toList();
    }
}
