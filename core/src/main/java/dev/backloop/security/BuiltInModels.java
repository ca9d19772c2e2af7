package dev.backloop.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The definitions of LoopBack 3's security models that Backloop ships: {@code User}, {@code AccessToken},
 * {@code ACL}, {@code Role} and {@code RoleMapping}. An app attaches them in model-config.json, or extends
 * them ({@code "base": "User"}); an app file defining the same name wins.
 */
public final class BuiltInModels {
    public static final String USER = "User";
    public static final String ACCESS_TOKEN = "AccessToken";
    public static final String ACL = "ACL";
    public static final String ROLE = "Role";
    public static final String ROLE_MAPPING = "RoleMapping";

    private static final List<String> NAMES = List.of(USER, ACCESS_TOKEN, ACL, ROLE, ROLE_MAPPING);

    private BuiltInModels() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** Where a built-in definition comes from, for error messages. */
    public static String origin(String name) {
        return "built-in model " + name;
    }

    /** The JSON definition of a built-in model, or empty for any other name. */
    public static Optional<ObjectNode> definition(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltInModels.class.getResourceAsStream("models/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in model " + name + " is missing from the backloop-core jar");
            }
            return Optional.of((ObjectNode) Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
