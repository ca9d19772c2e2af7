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
import dev.backloop.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backloop model NAME}: LoopBack's {@code lb model}. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Adds a model: common/models/<name>.json and its server/model-config.json entry.",
        footer = {"%nExample:%n  backloop model Todo -C todo --plural todos --data-source db "
                + "--property title:string:required --property done:boolean=false --no-interactive"})
public final class ModelCommand implements Callable<Integer> {
    static final String NO_DATASOURCE = "none";

    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Mixin
    AppDirOption appDir;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The model's name, e.g. BookReview.")
    String name;

    @Option(names = "--plural", description = "The plural in routes (default: LoopBack's, e.g. BookReviews).")
    String plural;

    @Option(names = "--base", description = "The base model (default: PersistedModel).")
    String base;

    @Option(names = {"-d", "--data-source"}, paramLabel = "DATASOURCE",
            description = "The datasource it is attached to, or \"none\" (default: db, else the first).")
    String dataSource;

    @Option(names = "--public", negatable = true, description = "Expose it over REST (default: yes).")
    Boolean exposed;

    @Option(names = {"-p", "--property"}, paramLabel = "NAME[:TYPE][:required][=DEFAULT]",
            description = "A property; repeat for more. TYPE: string (default), number, boolean, date, object, "
                    + "array, any, geopoint, buffer, or [TYPE].")
    List<String> properties;

    @Option(names = "--force", description = "Overwrite the model's file and entry if they exist.")
    boolean force;

    @Override
    public Integer call() {
        AppFiles app = appDir.app();
        Prompter prompter = prompts.prompter(root.terminal());
        String model = prompter.ask(Question.of("Model name", "NAME").check(Names::modelProblem), name);
        Path file = app.modelFiles().getOrDefault(model, app.newModelFile(model));
        AppFiles.requireAbsent(file, force);
        ObjectNode modelConfig = StableJson.read(app.modelConfig());
        if (modelConfig.has(model) && !force) {
            throw CliError.usage("server/model-config.json already configures model " + model + "; use --force to replace it");
        }
        List<String> dataSources = new ArrayList<>(app.dataSourceNames());
        dataSources.add(NO_DATASOURCE);
        String attachedTo = prompter.ask(Question.of("Datasource", "--data-source").choices(dataSources)
                .fallback(dataSources.contains("db") ? "db" : dataSources.get(0)), dataSource);
        String baseModel = prompter.ask(Question.of("Base model", "--base").fallback("PersistedModel")
                .check(Names::modelProblem), base);
        boolean isPublic = prompter.confirm("Expose " + model + " over REST?", "--public", exposed, true);
        String pluralName = prompter.ask(Question.of("Plural in routes (empty: LoopBack's)", "--plural").fallback("")
                .check(p -> p.isEmpty() ? null : Names.identifierProblem("plural", p)), plural);

        ObjectNode definition = Json.mapper().createObjectNode();
        definition.put("name", model);
        if (!pluralName.isEmpty()) {
            definition.put("plural", pluralName);
        }
        definition.put("base", baseModel).put("idInjection", true);
        definition.putObject("options").put("validateUpsert", true);
        ObjectNode props = definition.putObject("properties");
        for (PropertySpec property : properties(prompter)) {
            props.set(property.name(), property.propertyDefinition("--property"));
        }
        definition.putArray("validations");
        definition.putObject("relations");
        definition.putArray("acls");
        definition.putObject("methods");
        StableJson.write(file, Lb3Order.model(definition));

        ObjectNode entry = modelConfig.putObject(model);
        if (attachedTo.equals(NO_DATASOURCE)) {
            entry.putNull("dataSource");
        } else {
            entry.put("dataSource", attachedTo);
        }
        entry.put("public", isPublic);
        StableJson.write(app.modelConfig(), Lb3Order.modelConfig(modelConfig));
        prompter.say("Wrote " + app.root().relativize(file) + " and its entry in server/model-config.json");
        return 0;
    }

    /** The --property options, else properties asked one by one. */
    private List<PropertySpec> properties(Prompter prompter) {
        List<PropertySpec> specs = new ArrayList<>();
        if (properties != null) {
            properties.forEach(p -> specs.add(PropertySpec.parse(p, "property", "required", "--property")));
            return specs;
        }
        while (true) {
            Optional<String> property = prompter.next(Question.of("Property name", "--property")
                    .check(p -> Names.identifierProblem("property", p)));
            if (property.isEmpty()) {
                return specs;
            }
            String type = prompter.ask(Question.of("Type", "--property").fallback("string")
                    .check(PropertySpec::typeProblem), null);
            boolean required = prompter.confirm("Required?", "--property", null, false);
            String defaultValue = prompter.ask(Question.of("Default value (empty: none)", "--property").fallback("")
                    .check(d -> d.isEmpty() ? null : PropertySpec.defaultProblem(type, d)), null);
            specs.add(new PropertySpec(property.get(), type, required, defaultValue.isEmpty() ? null : defaultValue));
        }
    }
}
