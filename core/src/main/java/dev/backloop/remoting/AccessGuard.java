package dev.backloop.remoting;

import java.util.Optional;

/**
 * Who calls and whether they may: the {@link Invoker} asks the guard to {@link #identify} the caller
 * before the {@code before} hooks (so hooks see {@link Invocation#accessToken()}), and to
 * {@link #authorize} the call after them, right before the method runs. Either may throw an
 * {@link dev.backloop.error.HttpError} to refuse the call.
 */
public interface AccessGuard {
    /** Lets every call through: an app without access control. */
    AccessGuard NONE = new AccessGuard() {
        @Override
        public void identify(Invocation ctx) {
        }

        @Override
        public void authorize(Invocation ctx) {
        }
    };

    /** Finds the caller's access token, if any, and records it on the call. */
    void identify(Invocation ctx) throws Exception;

    /** Throws when the caller may not run the method. */
    void authorize(Invocation ctx) throws Exception;

    /**
     * LoopBack's {@code currentUserLiteral}: the path segment ({@code me}) that stands for the caller's
     * user id in any route ({@code GET /api/Users/me}), or null when the app does not use one.
     */
    default String currentUserLiteral() {
        return null;
    }

    /**
     * Who the request's valid access token belongs to, for {@link #currentUserLiteral()}: empty without a
     * token; a token of no user (an application's) gives an empty user id.
     */
    default Optional<Caller> caller(RemoteRequest request) {
        return Optional.empty();
    }

    /** The owner of a request's access token. @param userId null for a token of no user */
    record Caller(Object userId) {
    }
}
