package dev.backloop.remoting;

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
}
