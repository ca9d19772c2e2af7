package dev.backloop.cli.javacode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Java side of a remote method declared in JSON: a {@code ModelCustomizer} per model,
 * {@code src/main/java/<package>/<Model>Code.java}, listed in
 * {@code src/main/resources/META-INF/services/dev.backloop.app.ModelCustomizer}. Each method starts as a
 * stub answering 501, so the app boots and the route exists before its code is written. Later methods are
 * added above a marker line; a file without the marker is left alone and the snippet is shown instead.
 */
public record CustomizerStub(String javaPackage, String model) {
    static final String MARKER = "// backloop remote-method adds new methods above this line";
    public static final String SOURCES = "src/main/java";
    public static final String SERVICES = "src/main/resources/META-INF/services/dev.backloop.app.ModelCustomizer";

    public String className() {
        return model + "Code";
    }

    public String qualifiedName() {
        return javaPackage + "." + className();
    }

    public Path file(Path appRoot) {
        return appRoot.resolve(SOURCES).resolve(javaPackage.replace('.', '/')).resolve(className() + ".java");
    }

    /** The lines implementing one method as a stub. */
    public String implementation(String method, String signature) {
        return "        // " + signature + "\n"
                + "        model.implement(\"" + method + "\", ctx -> {\n"
                + "            // TODO: compute the result from ctx.arg(\"name\") (and ctx.instance() for an instance method)\n"
                + "            throw new HttpError(501, \"Error\", \"" + model + "." + method + " is not implemented yet\");\n"
                + "        });\n";
    }

    /** A new customizer holding one method. */
    public String newFile(String method, String signature) {
        return "package " + javaPackage + ";\n\n"
                + "import dev.backloop.app.App;\n"
                + "import dev.backloop.app.ModelCustomizer;\n"
                + "import dev.backloop.error.HttpError;\n"
                + "import dev.backloop.remoting.SharedClass;\n\n"
                + "/** The Java code of model " + model + ", what its .js file is to a LoopBack 3 app. */\n"
                + "public final class " + className() + " implements ModelCustomizer {\n"
                + "    @Override\n"
                + "    public String model() {\n"
                + "        return \"" + model + "\";\n"
                + "    }\n\n"
                + "    @Override\n"
                + "    public void customize(SharedClass model, App app) {\n"
                + implementation(method, signature)
                + "        " + MARKER + "\n"
                + "    }\n"
                + "}\n";
    }

    /** The source with one more method above the marker; empty when the file has no marker. */
    public Optional<String> withMethod(String source, String method, String signature) {
        int marker = source.indexOf(MARKER);
        if (marker < 0) {
            return Optional.empty();
        }
        int lineStart = source.lastIndexOf('\n', marker) + 1;
        return Optional.of(source.substring(0, lineStart) + implementation(method, signature) + source.substring(lineStart));
    }

    /** Adds the class to the services file unless it is listed. */
    public void register(Path appRoot) {
        Path services = appRoot.resolve(SERVICES);
        try {
            List<String> lines = Files.exists(services) ? Files.readAllLines(services, StandardCharsets.UTF_8) : List.of();
            if (lines.stream().map(String::trim).anyMatch(qualifiedName()::equals)) {
                return;
            }
            Files.createDirectories(services.getParent());
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l).append('\n'));
            text.append(qualifiedName()).append('\n');
            Files.writeString(services, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
