package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.backloop.app.App;
import dev.backloop.boot.AppDirectory;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.AppFiles;
import dev.backloop.explorer.ApiDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backloop openapi}: the document the explorer serves, written to a file. */
@Command(name = "openapi", mixinStandardHelpOptions = true,
        description = "Boots the app and writes its API description: OpenAPI 3 (JSON or YAML), or the Swagger 2.0 "
                + "document LoopBack 3's explorer served. The same document as /explorer/openapi.json.",
        footer = {"%nExamples:%n  backloop openapi -C todo -o todo-api.yaml%n  backloop openapi -C todo -o - --format swagger2"})
public final class OpenApiCommand implements Callable<Integer> {
    @ParentCommand
    BackloopCommand root;

    @Mixin
    AppDirOption appDir;

    @Mixin
    ClasspathOption classpath;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "openapi.json",
            description = "The file to write, - for standard output (default: openapi.json).")
    String output;

    @Option(names = "--format", description = "json, yaml or swagger2 (default: yaml for a .yaml/.yml file, else json).")
    String format;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        AppFiles app = appDir.app();
        String chosen = format != null ? format.toLowerCase(Locale.ROOT)
                : output.endsWith(".yaml") || output.endsWith(".yml") ? "yaml" : "json";
        if (!chosen.matches("json|yaml|swagger2")) {
            throw CliError.usage("--format must be json, yaml or swagger2, not " + format);
        }
        Path file = output.equals("-") ? null : Path.of(output);
        if (file != null) {
            AppFiles.requireAbsent(file, force);
        }
        byte[] document;
        try (ClasspathOption.Scope scope = classpath.open(); App booted = BootedApp.boot(app.root(), classpath)) {
            ApiDocuments documents = ApiDocuments.of(booted, explorerConfig(app), app.root());
            document = switch (chosen) {
                case "yaml" -> documents.openApiYaml();
                case "swagger2" -> documents.swaggerJson();
                default -> documents.openApiJson();
            };
        }
        if (file == null) {
            root.terminal().out().println(new String(document, StandardCharsets.UTF_8));
            return 0;
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.terminal().out().println("Wrote " + file);
        return 0;
    }

    /** The explorer's settings (its apiInfo titles the document), or none when the app has no explorer. */
    private static JsonNode explorerConfig(AppFiles app) {
        Map<String, String> environment = System.getenv();
        Map<String, JsonNode> components = AppDirectory.load(app.root(), null, environment).components();
        JsonNode config = components.getOrDefault("loopback-component-explorer", components.get("explorer"));
        return config != null && config.isObject() ? config : JsonNodeFactory.instance.objectNode();
    }
}
