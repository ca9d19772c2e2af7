package dev.backloop.remoting;

import dev.backloop.error.HttpError;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Runs one remote call as strong-remoting does: {@code before} hooks, the access check, the method, its result check and
 * shaping, {@code after} hooks; on any failure the {@code afterError} hooks, then the error. A handler
 * may return a {@link CompletionStage}: the rest of the call then runs when it completes, on the thread
 * that completes it, and no thread waits for it.
 */
public final class Invoker {
    private final RemoteHooks hooks;
    private final AccessGuard guard;

    public Invoker(RemoteHooks hooks) {
        this(hooks, AccessGuard.NONE);
    }

    /** @param guard identifies the caller before the hooks and checks access after them */
    public Invoker(RemoteHooks hooks, AccessGuard guard) {
        this.hooks = Objects.requireNonNull(hooks, "hooks is null");
        this.guard = Objects.requireNonNull(guard, "guard is null");
    }

    /**
     * Invokes; once the returned stage completes, {@link Invocation#result()} and
     * {@link Invocation#response()} hold the answer. For a synchronous handler it is already complete.
     * A failed stage carries the error as the client gets it (never wrapped).
     *
     * @param verb the HTTP verb of the route called (for result checks such as HEAD's 404), or {@code null}
     */
    public CompletableFuture<Void> invoke(Invocation ctx, String verb) {
        Object value;
        try {
            guard.identify(ctx);
            hooks.run(RemoteHooks.Phase.BEFORE, ctx);
            guard.authorize(ctx);
            value = ctx.runHandler();
        } catch (Exception e) {
            return fail(ctx, e);
        }
        if (!(value instanceof CompletionStage<?> stage)) {
            return finish(ctx, verb, value);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        stage.whenComplete((result, failure) -> {
            try {
                CompletableFuture<Void> step = failure != null ? fail(ctx, failure) : finish(ctx, verb, result);
                // relay without CompletableFuture's CompletionException wrapping
                step.whenComplete((ignored, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        done.complete(null);
                    }
                });
            } catch (Throwable fatal) {
                // never leave the request suspended
                done.completeExceptionally(fatal);
                throw fatal;
            }
        });
        return done;
    }

    /**
     * Only identifies the caller and checks access, without hooks or the method: for a call that cannot
     * run (an instance method on an id that does not exist), so a refused caller gets the refusal rather
     * than a 404 that tells whether the id exists.
     */
    public void checkAccess(Invocation ctx) throws Exception {
        guard.identify(ctx);
        guard.authorize(ctx);
    }

    /** Invokes and waits, for callers that are synchronous anyway (Java code, tests). */
    public void invokeAndWait(Invocation ctx, String verb) throws Exception {
        try {
            invoke(ctx, verb).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private CompletableFuture<Void> finish(Invocation ctx, String verb, Object value) {
        try {
            ctx.method().resultCheck().check(ctx, verb, value);
            ctx.setResult(ResultShape.shape(ctx.method(), value, ctx.response()));
            hooks.run(RemoteHooks.Phase.AFTER, ctx);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return fail(ctx, e);
        }
    }

    private CompletableFuture<Void> fail(Invocation ctx, Throwable thrown) {
        Exception failure = withErrorStatus(ctx.method(), unwrap(thrown));
        ctx.setError(failure);
        try {
            hooks.run(RemoteHooks.Phase.AFTER_ERROR, ctx);
        } catch (Exception replaced) {
            return CompletableFuture.failedFuture(replaced);
        }
        return CompletableFuture.failedFuture(failure);
    }

    private static Exception unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error error && !(t instanceof AssertionError)) {
            // OutOfMemoryError and kin are not the client's business, nor ours to swallow
            throw error;
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
