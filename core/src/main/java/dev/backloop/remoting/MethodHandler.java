package dev.backloop.remoting;

/** The Java code behind a remote method. */
@FunctionalInterface
public interface MethodHandler {
    /**
     * Runs the method.
     *
     * @return the result: for one declared return, its value; for several, a map by return name
     */
    Object invoke(Invocation invocation) throws Exception;
}
