package dev.backloop.connector.remote;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Forwards a caller's access token to remote datasources: every remote request made by {@code work}, on
 * this thread, carries {@code token} as its {@code Authorization} header instead of the datasource's
 * static {@code accessToken}. LoopBack 3 did this with {@code options.accessToken}; Backloop's connector
 * methods take no options yet, so the token is bound for the duration of a call instead.
 *
 * <pre>{@code
 * // in a custom remote method or a remote hook: act on the remote app as the caller
 * List<ModelInstance> orders = CallerToken.forward(ctx.request().header("Authorization"),
 *         () -> app.model("Order").find(filter));
 * }</pre>
 */
public final class CallerToken {
    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private CallerToken() {
    }

    /** Runs {@code work} with {@code token} forwarded; a null or empty token forwards nothing. */
    public static <T> T forward(String token, Supplier<T> work) {
        String outer = BOUND.get();
        if (token == null || token.isEmpty()) {
            BOUND.remove();
        } else {
            BOUND.set(token);
        }
        try {
            return work.get();
        } finally {
            // restored, never left behind on a pooled request thread
            if (outer == null) {
                BOUND.remove();
            } else {
                BOUND.set(outer);
            }
        }
    }

    /** The token forwarded on this thread, if any. */
    static Optional<String> current() {
        return Optional.ofNullable(BOUND.get());
    }
}
