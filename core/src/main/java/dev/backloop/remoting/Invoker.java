package dev.backloop.remoting;

import dev.backloop.error.HttpError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Runs one remote call as strong-remoting does: {@code before} hooks, the method, its result check and
 * shaping, {@code after} hooks; on any failure the {@code afterError} hooks, then the error. A handler
 * may return a {@link CompletionStage}; the call waits for it (on Java 21+ the request runs on a virtual
 * thread, so waiting holds no platform thread).
 */
public final class Invoker {
    private final RemoteHooks hooks;

    public Invoker(RemoteHooks hooks) {
        this.hooks = java.util.Objects.requireNonNull(hooks, "hooks is null");
    }

    /**
     * Invokes; afterwards {@link Invocation#result()} and {@link Invocation#response()} hold the answer.
     *
     * @param verb the HTTP verb of the route called (for result checks such as HEAD's 404), or {@code null}
     */
    public void invoke(Invocation ctx, String verb) throws Exception {
        try {
            hooks.run(RemoteHooks.Phase.BEFORE, ctx);
            Object value = await(ctx.method().handler().invoke(ctx));
            ctx.method().resultCheck().check(ctx, verb, value);
            ctx.setResult(ResultShape.shape(ctx.method(), value, ctx.response()));
            hooks.run(RemoteHooks.Phase.AFTER, ctx);
        } catch (Exception e) {
            Exception failure = withErrorStatus(ctx.method(), unwrap(e));
            ctx.setError(failure);
            hooks.run(RemoteHooks.Phase.AFTER_ERROR, ctx);
            throw failure;
        }
    }

    private static Object await(Object value) throws Exception {
        if (!(value instanceof CompletionStage<?> stage)) {
            return value;
        }
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static Exception unwrap(Exception e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Exception ex) {
            return ex;
        }
        return new HttpError(500, "InternalServerError", String.valueOf(t.getMessage()), null, null, t);
    }

    /** An exception with no status of its own takes the method's {@code http.errorStatus}. */
    private static Exception withErrorStatus(SharedMethod method, Exception e) {
        if (method.errorStatus() == 0 || e instanceof HttpError) {
            return e;
        }
        return new HttpError(method.errorStatus(), "Error", e.getMessage(), null, null, e);
    }
}
