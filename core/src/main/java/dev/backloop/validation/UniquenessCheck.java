package dev.backloop.validation;

import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;

/** Asks the model's datasource whether any record matches; the {@code uniqueness} validation's one query. */
@FunctionalInterface
public interface UniquenessCheck {

    /** Whether at least one stored record of {@code model} matches {@code where}. */
    boolean exists(ModelDefinition model, Where where);
}
