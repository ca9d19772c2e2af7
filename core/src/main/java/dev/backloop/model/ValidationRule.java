package dev.backloop.model;

import java.util.Map;
import java.util.Objects;

/**
 * One validation of a model: a built-in kind applied to a property, with its options as written
 * (LoopBack's {@code validatesLengthOf('name', {min: 3})} is kind {@code LENGTH}, options {@code {min: 3}}).
 */
public record ValidationRule(Kind kind, String property, Map<String, Object> options) {
    public enum Kind { PRESENCE, ABSENCE, LENGTH, FORMAT, INCLUSION, EXCLUSION, NUMERICALITY, UNIQUENESS }

    public ValidationRule {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(property, "property is null");
        options = Map.copyOf(options);
    }
}
