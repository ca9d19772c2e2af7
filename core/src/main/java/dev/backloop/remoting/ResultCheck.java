package dev.backloop.remoting;

/**
 * A check on a method's result before it is written to HTTP, such as LoopBack's turning a null
 * {@code findById} result into 404 (strong-remoting's {@code rest.after}).
 */
@FunctionalInterface
public interface ResultCheck {
    /**
     * @param verb the HTTP verb of the route that was called
     * @throws dev.backloop.error.HttpError to answer with an error instead of the result
     */
    void check(Invocation invocation, String verb, Object result);

    ResultCheck NONE = (invocation, verb, result) -> { };
}
