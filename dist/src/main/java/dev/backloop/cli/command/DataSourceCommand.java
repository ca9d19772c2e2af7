package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.AppFiles;
import dev.backloop.cli.files.Lb3Order;
import dev.backloop.cli.files.Names;
import dev.backloop.cli.files.StableJson;
import dev.backloop.cli.prompt.PromptOptions;
import dev.backloop.cli.prompt.Prompter;
import dev.backloop.cli.prompt.Question;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.ConnectorSetting;
import dev.backloop.spi.Providers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backloop datasource NAME}: LoopBack's {@code lb datasource}, for the connectors on the classpath. */
@Command(name = "datasource", mixinStandardHelpOptions = true,
        description = "Adds a datasource to server/datasources.json. The connector is one of those on the "
                + "classpath (memory, mongodb, remote, storage with the server jar); its settings are asked "
                + "with their defaults, or given with --setting.",
        footer = {"%nExamples:%n  backloop datasource mongo -C todo --connector mongodb --setting database=todo "
                + "--no-interactive%n  backloop datasource files -C todo --connector storage --setting root=./files"})
public final class DataSourceCommand implements Callable<Integer> {
    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Mixin
    AppDirOption appDir;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The datasource's name, e.g. db.")
    String name;

    @Option(names = "--connector", description = "The connector (default: memory).")
    String connector;

    @Option(names = {"-s", "--setting"}, paramLabel = "KEY=VALUE",
            description = "A setting; repeat for more. Settings the connector describes are written in their "
                    + "type (number, boolean); others as text. An empty value leaves the setting out.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--force", description = "Replace the datasource if it exists.")
    boolean force;

    @Override
    public Integer call() {
        AppFiles app = appDir.app();
        Prompter prompter = prompts.prompter(root.terminal());
        Map<String, ConnectorFactory> connectors = connectors();
        String dataSource = prompter.ask(Question.of("Datasource name", "NAME").check(Names::dataSourceProblem), name);
        ObjectNode all = StableJson.read(app.dataSources());
        if (all.has(dataSource) && !force) {
            throw CliError.usage("server/datasources.json already has datasource " + dataSource + "; use --force to replace it");
        }
        List<String> names = List.copyOf(connectors.keySet());
        String chosen = prompter.ask(Question.of("Connector", "--connector")
                .fallback(names.contains("memory") ? "memory" : null)
                .check(c -> connectors.containsKey(c) ? null
                        : "no connector \"" + c + "\" on the classpath (connectors: " + String.join(", ", names) + ")"),
                connector);
        ConnectorFactory factory = connectors.get(chosen);

        ObjectNode entry = all.objectNode();
        entry.put("name", dataSource).put("connector", factory.name());
        Map<String, String> extra = new LinkedHashMap<>(settings);
        for (ConnectorSetting setting : factory.settings()) {
            String value = prompter.ask(Question.of(setting.description(), "--setting " + setting.name() + "=...")
                    .fallback(setting.defaultValue()).check(v -> problem(setting, v)).secret(setting.secret()),
                    extra.remove(setting.name()));
            if (!value.isEmpty()) {
                put(entry, setting, value);
            }
        }
        extra.forEach((key, value) -> {
            if (!value.isEmpty()) {
                entry.put(key, value);
            }
        });
        all.set(dataSource, Lb3Order.dataSource(entry));
        StableJson.write(app.dataSources(), all);
        prompter.say("Added datasource " + dataSource + " (" + factory.name() + ") to server/datasources.json");
        return 0;
    }

    /** The connectors on the classpath, by name and alias. */
    static Map<String, ConnectorFactory> connectors() {
        Map<String, ConnectorFactory> byName = new TreeMap<>();
        for (ConnectorFactory factory : Providers.load(ConnectorFactory.class,
                Thread.currentThread().getContextClassLoader(), "connector")) {
            byName.put(factory.name(), factory);
            factory.aliases().forEach(alias -> byName.putIfAbsent(alias, factory));
        }
        return byName;
    }

    private static String problem(ConnectorSetting setting, String value) {
        if (value.isEmpty()) {
            return null;
        }
        return switch (setting.type()) {
            case NUMBER -> value.matches("-?\\d+(\\.\\d+)?") ? null : setting.name() + " must be a number, not \"" + value + "\"";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null
                    : setting.name() + " must be true or false, not \"" + value + "\"";
            case STRING -> null;
        };
    }

    private static void put(ObjectNode entry, ConnectorSetting setting, String value) {
        switch (setting.type()) {
            case NUMBER -> entry.put(setting.name(), new BigDecimal(value));
            case BOOLEAN -> entry.put(setting.name(), Boolean.parseBoolean(value));
            case STRING -> entry.put(setting.name(), value);
        }
    }
}
