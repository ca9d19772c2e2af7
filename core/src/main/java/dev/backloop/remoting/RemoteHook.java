package dev.backloop.remoting;

/**
 * Code run around remote calls (LoopBack's {@code beforeRemote}/{@code afterRemote}/
 * {@code afterRemoteError}). A hook may read and replace {@link Invocation#setArg arguments} and the
 * {@link Invocation#setResult result}, set the {@link Invocation#response() status and headers}, or throw
 * to fail the call (an {@link dev.backloop.error.HttpError} chooses the status).
 */
@FunctionalInterface
public interface RemoteHook {
    void run(Invocation ctx) throws Exception;
}
