package dev.backloop.spi;

import dev.backloop.model.Model;
import dev.backloop.remoting.MethodHandler;
import java.util.Optional;

/**
 * Optional interface of a {@link Connector} that can carry out, itself, the remote methods a model
 * declares in its definition's {@code methods} when no Java code implements them: the remote connector
 * forwards such a call to the same route of the remote app, so a method the remote model exposes works
 * on the local model with the same contract. Boot asks after every
 * {@link dev.backloop.app.ModelCustomizer} ran, so Java code always wins.
 *
 * <pre>{@code
 * public Optional<MethodHandler> implement(Model model, String name) {
 *     // the invocation carries the declared accepts, returns and route
 *     return Optional.of(invocation -> http.forward(model, invocation));
 * }
 * }</pre>
 */
public interface DeclaredMethods {

    /**
     * The code of the declared method {@code name} of {@code model}, or empty to leave it unimplemented
     * (boot then fails and says so, as for any declared method without code).
     *
     * @param name the method's full name, {@code prototype.}-prefixed for an instance method
     */
    Optional<MethodHandler> implement(Model model, String name);
}
