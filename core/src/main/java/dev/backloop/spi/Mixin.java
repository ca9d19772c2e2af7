package dev.backloop.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;

/**
 * Reusable model behaviour, applied to the models whose definition lists it under {@code mixins}
 * ({@code "mixins": {"TimeStamp": true}} or with options: {@code {"TimeStamp": {"createdAt": "created"}}}).
 * Found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.backloop.spi.Mixin}.
 *
 * <p>A mixin acts in two steps: {@link #define} may add properties (or change settings) before the model
 * is attached to its datasource; {@link #attach} may register operation hooks on the attached model.
 */
public interface Mixin {

    /** The key under {@code mixins}, e.g. {@code "TimeStamp"}. */
    String name();

    /**
     * The definition with what the mixin adds; the default adds nothing.
     *
     * @param options the mixin's options, an empty object for {@code true}
     */
    default ModelDefinition define(ModelDefinition definition, JsonNode options) {
        return definition;
    }

    /** Adds behaviour to the attached model, typically with {@link Model#observe}; the default adds none. */
    default void attach(Model model, JsonNode options) {
    }
}
