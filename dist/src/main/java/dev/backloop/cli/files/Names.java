package dev.backloop.cli.files;

import java.util.Locale;

/** What names may look like, and the file names LoopBack derives from them. */
public final class Names {
    private static final String IDENTIFIER = "[A-Za-z_$][A-Za-z0-9_$]*";

    private Names() {
    }

    /** The problem with a model name, or {@code null}: it names a file, a route and a Java class. */
    public static String modelProblem(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_]*") ? null
                : "\"" + name + "\" is not a valid model name: use letters, digits and _, starting with a letter (e.g. BookReview)";
    }

    /** The problem with a property, relation, argument or method name, or {@code null}. */
    public static String identifierProblem(String kind, String name) {
        return name.matches(IDENTIFIER) ? null
                : "\"" + name + "\" is not a valid " + kind + " name: use letters, digits, _ and $, not starting with a digit";
    }

    /** The problem with a datasource name, or {@code null}. */
    public static String dataSourceProblem(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? null
                : "\"" + name + "\" is not a valid datasource name: use letters, digits, _ and -, starting with a letter";
    }

    /** The problem with an app (package.json) name, or {@code null}. */
    public static String appProblem(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") ? null
                : "\"" + name + "\" is not a valid app name: use letters, digits, '.', '_' and '-'";
    }

    /** The problem with a Java package name, or {@code null}. */
    public static String javaPackageProblem(String name) {
        return name.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*") ? null
                : "\"" + name + "\" is not a valid Java package: lower-case words separated by dots (e.g. app.code)";
    }

    /** LoopBack's file name for a model: {@code BookReview} → {@code book-review}. */
    public static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** {@code Book} → {@code book}, the default name of a relation to one. */
    public static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
