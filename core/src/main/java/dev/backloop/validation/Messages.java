package dev.backloop.validation;

import dev.backloop.model.ValidationRule;
import java.util.Map;

/** The message of a failed rule: the rule's own {@code message} option, else LoopBack's default. */
final class Messages {

    private Messages() {
    }

    static String of(ValidationRule rule, String kind) {
        Object custom = rule.options().get("message");
        if (custom instanceof String text) {
            return text;
        }
        if (custom instanceof Map<?, ?> byKind && kind != null && byKind.get(kind) instanceof String text) {
            return text;
        }
        if ("blank".equals(kind)) {
            return "is blank";
        }
        if ("null".equals(kind)) {
            return "is null";
        }
        return switch (rule.kind()) {
            case PRESENCE -> "can't be blank";
            case ABSENCE -> "can't be set";
            case LENGTH -> switch (kind) {
                case "min" -> "too short";
                case "max" -> "too long";
                default -> "length is wrong";
            };
            case FORMAT -> "is invalid";
            case INCLUSION -> "is not included in the list";
            case EXCLUSION -> "is reserved";
            case NUMERICALITY -> "int".equals(kind) ? "is not an integer" : "is not a number";
            case UNIQUENESS -> "is not unique";
        };
    }
}
