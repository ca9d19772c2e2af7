package dev.backloop.security.acl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * One access control entry, from a model definition's {@code acls} or a row of the {@code ACL} model.
 *
 * @param model         the model it is about, or {@code *}
 * @param property      a method name, or {@code *}
 * @param accessType    READ, WRITE, EXECUTE or {@code *}
 * @param principalType ROLE, USER or APP
 * @param principalId   the role name ({@code $everyone}...), user id or app id
 * @param permission    ALLOW or DENY
 */
public record AclRule(String model, String property, String accessType, String principalType, String principalId,
        String permission) {
    public static final String ALL = "*";

    public AclRule {
        model = orAll(model);
        property = orAll(property);
        accessType = orAll(accessType).toUpperCase(Locale.ROOT);
        principalType = principalType == null ? "ROLE" : principalType.toUpperCase(Locale.ROOT);
        if ("APPLICATION".equals(principalType)) {
            // LoopBack's Principal.APPLICATION is "APP"; both spellings are seen in ACL rows
            principalType = "APP";
        }
        permission = permission == null ? "ALLOW" : permission.toUpperCase(Locale.ROOT);
    }

    /** An entry of a model definition's {@code acls}, for {@code model}. */
    public static AclRule fromDefinition(String model, JsonNode entry) {
        return new AclRule(model, text(entry.get("property")), text(entry.get("accessType")),
                text(entry.get("principalType")), text(entry.get("principalId")), text(entry.get("permission")));
    }

    /** A row of the ACL model. */
    public static AclRule fromRow(Map<String, Object> row) {
        return new AclRule(str(row.get("model")), str(row.get("property")), str(row.get("accessType")),
                str(row.get("principalType")), str(row.get("principalId")), str(row.get("permission")));
    }

    public boolean denies() {
        return "DENY".equals(permission);
    }

    private static String orAll(String value) {
        return value == null || value.isBlank() ? ALL : value.trim();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        // LoopBack allows an array of method names; the first is enough for the common single-name case
        return node.isArray() ? (node.isEmpty() ? null : node.get(0).asText()) : node.asText();
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
