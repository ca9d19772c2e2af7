package dev.backloop.model;

/**
 * What a model does with properties it does not declare (LoopBack's {@code strict} setting).
 */
public enum StrictMode {
    /** Unknown properties fail validation: 422 with code {@code unknown-property} ({@code strict: true}). */
    TRUE,
    /** Unknown properties are stored and returned ({@code strict: false}). */
    FALSE,
    /** Unknown properties are dropped silently ({@code strict: "filter"}). */
    FILTER,
    /** Unknown properties are refused at once, before validation ({@code strict: "throw"}). */
    THROW
}
