package dev.backloop.security.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.ModelDefinition;
import java.util.Locale;

/**
 * The settings of a user model that change how users log in, read at the top level of the definition or
 * in its {@code options} (LoopBack 3 scaffolds put some in either place).
 *
 * @param caseSensitiveEmail        false: emails are stored and looked up in lower case (LoopBack's default is true)
 * @param emailVerificationRequired an unverified user cannot log in
 * @param realmRequired             users are namespaced by {@code realm}: login must name one
 * @param realmDelimiter            when set, login may give the realm inside the username or email,
 *                                  {@code "acme:ann"} with delimiter {@code ":"}
 */
public record UserSettings(boolean caseSensitiveEmail, boolean emailVerificationRequired, boolean realmRequired,
        String realmDelimiter) {

    public static UserSettings of(ModelDefinition definition) {
        JsonNode settings = definition.settings();
        return new UserSettings(flag(settings, "caseSensitiveEmail", true),
                flag(settings, "emailVerificationRequired", false), flag(settings, "realmRequired", false),
                text(settings, "realmDelimiter"));
    }

    /** An email as it is stored and looked up. */
    public String normalizeEmail(String email) {
        return caseSensitiveEmail || email == null ? email : email.toLowerCase(Locale.ROOT);
    }

    private static boolean flag(JsonNode settings, String name, boolean fallback) {
        JsonNode node = settings.has(name) ? settings.get(name) : settings.path("options").get(name);
        return node == null || node.isNull() ? fallback : node.asBoolean(fallback);
    }

    private static String text(JsonNode settings, String name) {
        JsonNode node = settings.has(name) ? settings.get(name) : settings.path("options").get(name);
        return node != null && node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
    }
}
