package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.AppFiles;
import dev.backloop.cli.files.Names;
import dev.backloop.cli.javacode.CustomizerStub;
import dev.backloop.cli.prompt.PromptOptions;
import dev.backloop.cli.prompt.Prompter;
import dev.backloop.cli.prompt.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backloop remote-method MODEL METHOD}: LoopBack's {@code lb remote-method}, plus its Java stub. */
@Command(name = "remote-method", mixinStandardHelpOptions = true,
        description = "Declares a remote method in a model's \"methods\" and writes a Java ModelCustomizer stub "
                + "for it (src/main/java/<package>/<Model>Code.java, listed in src/main/resources/META-INF/"
                + "services/dev.backloop.app.ModelCustomizer). The stub answers 501 until you write the code.",
        footer = {"%nExample:%n  backloop remote-method Todo complete -C todo --instance --http post:/complete "
                + "--accepts note:string --returns todo:object:root --no-interactive"})
public final class RemoteMethodCommand implements Callable<Integer> {
    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete", "head", "all");

    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Mixin
    AppDirOption appDir;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "The model.")
    String model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "METHOD", description = "The method's name, e.g. greet.")
    String method;

    @Option(names = "--instance", negatable = true,
            description = "An instance method (prototype.METHOD, at /:id/...); default: a static one.")
    Boolean instance;

    @Option(names = "--description", description = "What the method does, for the explorer.")
    String description;

    @Option(names = "--http", paramLabel = "VERB:PATH",
            description = "A route; repeat for more (default: post:/METHOD).")
    List<String> routes;

    @Option(names = "--accepts", paramLabel = "NAME[:TYPE][:required]", description = "An argument; repeat for more.")
    List<String> accepts;

    @Option(names = "--returns", paramLabel = "NAME[:TYPE][:root]",
            description = "A returned value; repeat for more. root: the value is the whole response body.")
    List<String> returns;

    @Option(names = "--java-package", paramLabel = "PACKAGE",
            description = "The Java package of the stub (default: app.code).")
    String javaPackage;

    @Option(names = "--force", description = "Replace a method of the same name.")
    boolean force;

    @Override
    public Integer call() {
        AppFiles app = appDir.app();
        Prompter prompter = prompts.prompter(root.terminal());
        List<String> models = app.modelNames();
        String owner = prompter.ask(Question.of("Model", "MODEL")
                .check(m -> AppFiles.unknownModelProblem(models, m)), model);
        String name = prompter.ask(Question.of("Method name", "METHOD").check(m -> Names.identifierProblem("method", m)), method);
        boolean onInstance = prompter.confirm("Is it an instance method?", "--instance", instance, false);
        String key = onInstance ? "prototype." + name : name;
        String text = prompter.ask(Question.of("Description (empty: none)", "--description").fallback(""), description);
        List<String[]> http = routes(prompter, name);
        List<PropertySpec> args = specs(prompter, accepts, "--accepts", "argument", "required", "Argument name");
        List<PropertySpec> results = specs(prompter, returns, "--returns", "return value", "root", "Returned value name");
        String pkg = prompter.ask(Question.of("Java package of the code", "--java-package").fallback("app.code")
                .check(Names::javaPackageProblem), javaPackage);

        ObjectNode declaration = declaration(args, results, text, http);
        app.editModel(owner, definition -> {
            JsonNode methods = definition.get("methods");
            ObjectNode all = methods != null && methods.isObject() ? (ObjectNode) methods : definition.putObject("methods");
            if (all.has(key) && !force) {
                throw CliError.usage("model " + owner + " already has method " + key + "; use --force to replace it");
            }
            all.set(key, declaration);
        });
        prompter.say("Declared " + owner + "." + key + " in " + app.root().relativize(app.modelFile(owner)));
        writeStub(app.root(), new CustomizerStub(pkg, owner), key, signature(key, args, results), prompter);
        return 0;
    }

    private List<String[]> routes(Prompter prompter, String name) {
        List<String> given = routes;
        if (given == null) {
            String path = prompter.ask(Question.of("HTTP path", "--http").fallback("/" + name)
                    .check(p -> p.startsWith("/") ? null : "a path starts with /"), null);
            String verb = prompter.ask(Question.of("HTTP verb", "--http").choices(VERBS).fallback("post"), null);
            given = List.of(verb + ":" + path);
        }
        List<String[]> parsed = new ArrayList<>();
        for (String route : given) {
            String[] parts = route.split(":", 2);
            String verb = parts[0].toLowerCase(Locale.ROOT);
            if (parts.length < 2 || !VERBS.contains(verb) || !parts[1].startsWith("/")) {
                throw CliError.usage("--http " + route + ": expected VERB:PATH, e.g. get:/greet (verbs: "
                        + String.join(", ", VERBS) + ")");
            }
            parsed.add(new String[] {verb, parts[1]});
        }
        return parsed;
    }

    private static List<PropertySpec> specs(Prompter prompter, List<String> given, String option, String kind,
            String flag, String label) {
        List<PropertySpec> specs = new ArrayList<>();
        if (given != null) {
            given.forEach(g -> specs.add(PropertySpec.parse(g, kind, flag, option)));
            return specs;
        }
        while (true) {
            Optional<String> name = prompter.next(Question.of(label, option).check(n -> Names.identifierProblem(kind, n)));
            if (name.isEmpty()) {
                return specs;
            }
            String type = prompter.ask(Question.of("Type", option).fallback("string").check(PropertySpec::typeProblem), null);
            boolean flagged = prompter.confirm(flag.equals("root") ? "Is it the whole response body (root)?" : "Required?",
                    option, null, false);
            specs.add(new PropertySpec(name.get(), type, flagged, null));
        }
    }

    /** The {@code methods} entry, as LoopBack's generator writes it. */
    private static ObjectNode declaration(List<PropertySpec> args, List<PropertySpec> results, String text,
            List<String[]> http) {
        ObjectNode declaration = JsonNodeFactory.instance.objectNode();
        ArrayNode acceptsNode = declaration.putArray("accepts");
        for (PropertySpec arg : args) {
            ObjectNode node = acceptsNode.addObject().put("arg", arg.name());
            node.set("type", arg.typeNode());
            node.put("required", arg.flagged());
        }
        ArrayNode returnsNode = declaration.putArray("returns");
        for (PropertySpec result : results) {
            ObjectNode node = returnsNode.addObject().put("arg", result.name());
            node.set("type", result.typeNode());
            node.put("root", result.flagged());
        }
        if (!text.isEmpty()) {
            declaration.put("description", text);
        }
        ArrayNode routesNode = declaration.putArray("http");
        http.forEach(r -> routesNode.addObject().put("path", r[1]).put("verb", r[0]));
        return declaration;
    }

    private static String signature(String key, List<PropertySpec> args, List<PropertySpec> results) {
        return key + "(" + args.stream().map(a -> a.name() + ": " + a.type()).collect(Collectors.joining(", ")) + ")"
                + (results.isEmpty() ? "" : " returns " + results.stream().map(r -> r.name() + ": " + r.type())
                .collect(Collectors.joining(", ")));
    }

    private static void writeStub(Path appRoot, CustomizerStub stub, String key, String signature, Prompter prompter) {
        Path file = stub.file(appRoot);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, stub.newFile(key, signature), StandardCharsets.UTF_8);
            } else {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                if (source.contains("\"" + key + "\"")) {
                    prompter.say(appRoot.relativize(file) + " already mentions " + key + "; it is unchanged");
                    stub.register(appRoot);
                    return;
                }
                Optional<String> updated = stub.withMethod(source, key, signature);
                if (updated.isEmpty()) {
                    prompter.say(appRoot.relativize(file) + " has no marker line; add this to its customize method:");
                    prompter.say(stub.implementation(key, signature));
                    stub.register(appRoot);
                    return;
                }
                Files.writeString(file, updated.get(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stub.register(appRoot);
        prompter.say("Wrote the stub of " + key + " in " + appRoot.relativize(file) + " (it answers 501 until implemented)");
    }
}
