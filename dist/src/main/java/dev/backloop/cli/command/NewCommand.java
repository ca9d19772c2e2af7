package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.Names;
import dev.backloop.cli.files.StableJson;
import dev.backloop.cli.prompt.PromptOptions;
import dev.backloop.cli.prompt.Prompter;
import dev.backloop.cli.prompt.Question;
import dev.backloop.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backloop new APP_DIR}: LoopBack's {@code lb app}, the empty-server flavour. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates an app directory in LoopBack 3 layout: server/config.json, a memory datasource "
                + "\"db\", server/model-config.json, the API explorer in server/component-config.json, and an "
                + "empty common/models.",
        footer = {"%nExample:%n  backloop new todo --name todo-api --no-interactive"})
public final class NewCommand implements Callable<Integer> {
    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Parameters(arity = "0..1", paramLabel = "APP_DIR", description = "The directory to create.")
    Path directory;

    @Option(names = "--name", description = "The app's name, in package.json (default: the directory's name).")
    String name;

    @Option(names = "--explorer", negatable = true,
            description = "Serve the API explorer at /explorer (default: yes).")
    Boolean explorer;

    @Option(names = "--force", description = "Overwrite the app's files if they exist.")
    boolean force;

    @Override
    public Integer call() {
        Prompter prompter = prompts.prompter(root.terminal());
        Path dir = Path.of(prompter.ask(Question.of("App directory", "APP_DIR")
                .check(d -> d.isBlank() ? "give a directory" : null), directory == null ? null : directory.toString()));
        String defaultName = dir.toAbsolutePath().normalize().getFileName().toString();
        String appName = prompter.ask(Question.of("App name", "--name")
                .fallback(Names.appProblem(defaultName) == null ? defaultName : null).check(Names::appProblem), name);
        boolean withExplorer = prompter.confirm("Serve the API explorer?", "--explorer", explorer, true);

        Map<String, ObjectNode> files = files(appName, withExplorer);
        List<String> existing = files.keySet().stream().filter(f -> Files.exists(dir.resolve(f))).toList();
        if (!existing.isEmpty() && !force) {
            throw CliError.usage(dir + " already has " + String.join(", ", existing) + "; use --force to overwrite them");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliError.usage(dir + " exists and is not a directory");
        }
        files.forEach((file, content) -> StableJson.write(dir.resolve(file), content));
        try {
            Files.createDirectories(dir.resolve("common/models"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prompter.say("Created app " + appName + " in " + dir);
        prompter.say("Next: backloop model -C " + dir + "   then   backloop run " + dir);
        return 0;
    }

    /** The scaffold's files, what {@code lb app} writes minus the JavaScript. */
    private static Map<String, ObjectNode> files(String appName, boolean withExplorer) {
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        ObjectNode pkg = Json.mapper().createObjectNode();
        pkg.put("name", appName).put("version", "1.0.0").put("description", appName).put("private", true);
        files.put("package.json", pkg);

        ObjectNode config = Json.mapper().createObjectNode();
        config.put("restApiRoot", "/api").put("host", "0.0.0.0").put("port", 3000);
        ObjectNode remoting = config.putObject("remoting");
        remoting.put("context", false);
        remoting.putObject("rest").put("handleErrors", false).put("normalizeHttpPath", false).put("xml", false);
        remoting.putObject("json").put("strict", false).put("limit", "100kb");
        remoting.putObject("urlencoded").put("extended", true).put("limit", "100kb");
        remoting.put("cors", false);
        files.put("server/config.json", config);

        ObjectNode dataSources = Json.mapper().createObjectNode();
        dataSources.putObject("db").put("name", "db").put("connector", "memory");
        files.put("server/datasources.json", dataSources);

        ObjectNode modelConfig = Json.mapper().createObjectNode();
        ObjectNode meta = modelConfig.putObject("_meta");
        meta.putArray("sources").add("loopback/common/models").add("loopback/server/models")
                .add("../common/models").add("./models");
        meta.putArray("mixins").add("loopback/common/mixins").add("loopback/server/mixins")
                .add("../common/mixins").add("./mixins");
        files.put("server/model-config.json", modelConfig);

        ObjectNode components = Json.mapper().createObjectNode();
        if (withExplorer) {
            components.putObject("loopback-component-explorer").put("mountPath", "/explorer");
        }
        files.put("server/component-config.json", components);
        return files;
    }
}
