package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.AppFiles;
import dev.backloop.cli.files.Names;
import dev.backloop.cli.files.StableJson;
import dev.backloop.cli.prompt.PromptOptions;
import dev.backloop.cli.prompt.Prompter;
import dev.backloop.cli.prompt.Question;
import dev.backloop.model.Pluralizer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backloop relation MODEL}: LoopBack's {@code lb relation}. */
@Command(name = "relation", mixinStandardHelpOptions = true,
        description = "Adds a relation to a model's \"relations\".",
        footer = {"%nExamples:%n  backloop relation Category -C todo --type hasMany --to Todo --foreign-key categoryId"
                + "%n  backloop relation Physician -C clinic --type hasMany --to Patient --through Appointment"})
public final class RelationCommand implements Callable<Integer> {
    static final List<String> TYPES = List.of("hasMany", "belongsTo", "hasOne", "hasAndBelongsToMany",
            "embedsOne", "embedsMany", "referencesMany");
    private static final Set<String> TO_MANY = Set.of("hasMany", "hasAndBelongsToMany", "embedsMany", "referencesMany");

    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Mixin
    AppDirOption appDir;

    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "The model the relation is declared on.")
    String model;

    @Option(names = "--type", description = "hasMany, belongsTo, hasOne, hasAndBelongsToMany, embedsOne, "
            + "embedsMany or referencesMany.")
    String type;

    @Option(names = "--to", paramLabel = "MODEL", description = "The related model.")
    String target;

    @Option(names = "--name", description = "The relation's name (default: the related model's plural for "
            + "to-many relations, its name otherwise, first letter lower-case).")
    String name;

    @Option(names = "--foreign-key", description = "The foreign key (default: LoopBack's, e.g. categoryId).")
    String foreignKey;

    @Option(names = "--through", paramLabel = "MODEL", description = "For hasMany: the model joining the two.")
    String through;

    @Option(names = "--force", description = "Replace a relation of the same name.")
    boolean force;

    @Override
    public Integer call() {
        AppFiles app = appDir.app();
        Prompter prompter = prompts.prompter(root.terminal());
        List<String> models = app.requireModelNames();
        String owner = prompter.ask(Question.of("Model", "MODEL").check(m -> AppFiles.unknownModelProblem(models, m)), model);
        String relationType = prompter.ask(Question.of("Relation type", "--type").choices(TYPES), type);
        String related = prompter.ask(Question.of("Related model", "--to").check(m -> AppFiles.unknownModelProblem(models, m)), target);
        String relationName = prompter.ask(Question.of("Relation name", "--name")
                .fallback(defaultName(app, relationType, related))
                .check(n -> Names.identifierProblem("relation", n)), name);
        String key = prompter.ask(Question.of("Foreign key (empty: LoopBack's)", "--foreign-key").fallback("")
                .check(k -> k.isEmpty() ? null : Names.identifierProblem("foreign key", k)), foreignKey);
        String throughModel = "";
        if (relationType.equals("hasMany")) {
            throughModel = prompter.ask(Question.of("Through model (empty: none)", "--through").fallback("")
                    .check(m -> m.isEmpty() ? null : AppFiles.unknownModelProblem(models, m)), through);
        } else if (through != null) {
            throw CliError.usage("--through is for hasMany relations, not " + relationType);
        }

        String joinedBy = throughModel;
        app.editModel(owner, definition -> {
            JsonNode relations = definition.get("relations");
            ObjectNode all = relations != null && relations.isObject() ? (ObjectNode) relations : definition.putObject("relations");
            if (all.has(relationName) && !force) {
                throw CliError.usage("model " + owner + " already has relation " + relationName + "; use --force to replace it");
            }
            ObjectNode relation = all.putObject(relationName);
            relation.put("type", relationType).put("model", related);
            if (!key.isEmpty()) {
                relation.put("foreignKey", key);
            }
            if (!joinedBy.isEmpty()) {
                relation.put("through", joinedBy);
            }
        });
        prompter.say("Added relation " + owner + "." + relationName + " (" + relationType + " " + related + ")");
        return 0;
    }

    /** {@code books} for a hasMany of Book (or of its declared plural), {@code author} for a belongsTo Author. */
    private static String defaultName(AppFiles app, String type, String related) {
        if (!TO_MANY.contains(type)) {
            return Names.lowerFirst(related);
        }
        JsonNode plural = StableJson.read(app.modelFile(related)).get("plural");
        return Names.lowerFirst(plural != null && plural.isTextual() ? plural.textValue() : Pluralizer.plural(related));
    }
}
