package dev.backloop.model;

import java.util.concurrent.CompletionStage;

/**
 * Code run by an operation hook ({@code Model.observe(name, observer)} in LoopBack). It may change what the
 * context allows; throwing fails the operation and nothing is written (an
 * {@link dev.backloop.error.HttpError} keeps its status for REST clients).
 */
@FunctionalInterface
public interface Observer {

    void observe(HookContext context) throws Exception;

    /** An observer that finishes later; the operation waits for it. */
    static Observer async(java.util.function.Function<HookContext, CompletionStage<?>> observer) {
        return context -> {
            try {
                observer.apply(context).toCompletableFuture().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }
}
