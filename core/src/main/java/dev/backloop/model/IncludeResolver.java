package dev.backloop.model;

import dev.backloop.filter.Filter;
import java.util.List;

/**
 * Runs a find whose filter includes relations. {@link Model} knows nothing of relations; the app installs
 * a resolver once every model is defined, and without one an include is refused.
 */
@FunctionalInterface
public interface IncludeResolver {
    /**
     * Finds the records of {@code model} matching {@code filter} and attaches the included relations to
     * each. Implementations query through {@link Model#find} with filters without {@code include}.
     *
     * @throws dev.backloop.error.HttpError 400 for an unknown relation or an include that is too deep
     */
    List<ModelInstance> find(Model model, Filter filter);
}
