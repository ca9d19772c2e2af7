package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.files.AppFiles;
import dev.backloop.cli.files.Names;
import dev.backloop.cli.prompt.PromptOptions;
import dev.backloop.cli.prompt.Prompter;
import dev.backloop.cli.prompt.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backloop acl MODEL}: LoopBack's {@code lb acl}. */
@Command(name = "acl", mixinStandardHelpOptions = true,
        description = "Adds an access control entry to a model's \"acls\" (or to every model's, with --all-models).",
        footer = {"%nExamples:%n  backloop acl Todo -C todo --access-type WRITE --role '$unauthenticated' --permission DENY"
                + "%n  backloop acl --all-models -C todo --role '$everyone' --permission DENY --no-interactive"})
public final class AclCommand implements Callable<Integer> {
    static final String ALL = "*";

    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Mixin
    AppDirOption appDir;

    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "The model, or * for every model.")
    String model;

    @Option(names = "--all-models", description = "Add the entry to every model of the app.")
    boolean allModels;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "The method (or property) it applies to, e.g. find (default: all, *).")
    String method;

    @Option(names = "--access-type", description = "*, READ, WRITE or EXECUTE (default: *).")
    String accessType;

    @Option(names = "--role", description = "$everyone, $owner, $authenticated, $unauthenticated or a role name "
            + "(default: $everyone).")
    String role;

    @Option(names = "--permission", description = "ALLOW or DENY.")
    String permission;

    @Override
    public Integer call() {
        AppFiles app = appDir.app();
        Prompter prompter = prompts.prompter(root.terminal());
        List<String> models = app.requireModelNames();
        List<String> choices = new ArrayList<>(models);
        choices.add(ALL);
        String chosen = prompter.ask(Question.of("Model (* for all)", "MODEL").choices(choices),
                allModels ? ALL : model);
        String property = prompter.ask(Question.of("Method or property (* for all)", "--method").fallback(ALL)
                .check(m -> m.equals(ALL) ? null : Names.identifierProblem("method", m.replaceFirst("^prototype\\.", ""))), method);
        String access = prompter.ask(Question.of("Access type", "--access-type")
                .choices(List.of("*", "READ", "WRITE", "EXECUTE")).fallback("*"), accessType);
        String principal = prompter.ask(Question.of("Role", "--role").fallback("$everyone")
                .check(r -> r.matches("\\$?[A-Za-z0-9_-]+") ? null : "\"" + r + "\" is not a role name"), role);
        String allowed = prompter.ask(Question.of("Permission", "--permission").choices(List.of("ALLOW", "DENY")), permission);

        ObjectNode acl = JsonNodeFactory.instance.objectNode();
        acl.put("accessType", access).put("principalType", "ROLE").put("principalId", principal).put("permission", allowed);
        if (!property.equals(ALL)) {
            acl.put("property", property);
        }
        for (String target : chosen.equals(ALL) ? models : List.of(chosen)) {
            app.editModel(target, definition -> {
                JsonNode acls = definition.get("acls");
                ArrayNode all = acls != null && acls.isArray() ? (ArrayNode) acls : definition.putArray("acls");
                for (JsonNode existing : all) {
                    if (existing.equals(acl)) {
                        prompter.say(target + " already has this entry; it is unchanged");
                        return;
                    }
                }
                all.add(acl.deepCopy());
                prompter.say("Added to " + target + ".acls: " + acl);
            });
        }
        return 0;
    }
}
