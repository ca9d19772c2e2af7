package dev.backloop.spi;

import dev.backloop.changes.Change;
import dev.backloop.model.ModelDefinition;
import java.util.function.Consumer;

/**
 * Optional interface of a {@link Connector} whose backend reports changes itself, so that a model's
 * change stream carries the changes written by every app instance sharing the backend, not only this
 * one's: the MongoDB connector with {@code changeStreams: true} reads MongoDB change streams. When a
 * connector {@linkplain #watches watches} a model, the model's {@link dev.backloop.changes.ChangeFeed}
 * listens here instead of to the model's own {@code after save}/{@code after delete} hooks, so each change
 * arrives once, in the backend's order.
 */
public interface ChangeSource {

    /** Whether this connector reports the changes of {@code model}. */
    boolean watches(ModelDefinition model);

    /**
     * Starts reporting the changes of {@code model}: {@code create} and {@code update} with the record as
     * clients see it, {@code remove} with the id. The listener is called from a thread of the connector, in
     * the backend's order, and must be quick.
     *
     * @return closes the watch
     */
    AutoCloseable watch(ModelDefinition model, Consumer<Change> listener);
}
