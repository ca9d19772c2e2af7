package dev.backloop.remoting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hooks of an app's remote calls (LoopBack's {@code app.remotes()}), registered by pattern:
 * {@code **} (every method), {@code Person.*} (static methods of Person), {@code Person.prototype.*}
 * (its instance methods), {@code Person.greet}. Matching hooks run most specific pattern first, then in
 * registration order.
 */
public final class RemoteHooks {
    /** When a hook runs. */
    public enum Phase { BEFORE, AFTER, AFTER_ERROR }

    private record Registered(Phase phase, HookPattern pattern, int order, RemoteHook hook) {
    }

    private final List<Registered> hooks = new CopyOnWriteArrayList<>();

    /** Runs before the method, after its arguments are read (and its instance loaded). */
    public RemoteHooks before(String pattern, RemoteHook hook) {
        return add(Phase.BEFORE, pattern, hook);
    }

    /** Runs after the method succeeded; {@link Invocation#result()} holds what will be sent. */
    public RemoteHooks after(String pattern, RemoteHook hook) {
        return add(Phase.AFTER, pattern, hook);
    }

    /** Runs when the call failed; {@link Invocation#error()} holds the error. A hook that throws replaces it. */
    public RemoteHooks afterError(String pattern, RemoteHook hook) {
        return add(Phase.AFTER_ERROR, pattern, hook);
    }

    private synchronized RemoteHooks add(Phase phase, String pattern, RemoteHook hook) {
        java.util.Objects.requireNonNull(hook, "hook is null");
        hooks.add(new Registered(phase, HookPattern.parse(pattern), hooks.size(), hook));
        return this;
    }

    /** Runs the hooks of a phase that match the call, in order; the first that throws stops the rest. */
    public void run(Phase phase, Invocation ctx) throws Exception {
        String name = ctx.methodString();
        List<Registered> matching = new ArrayList<>();
        for (Registered r : hooks) {
            if (r.phase() == phase && r.pattern().matches(name)) {
                matching.add(r);
            }
        }
        matching.sort(Comparator.<Registered, HookPattern>comparing(Registered::pattern, HookPattern::compareSpecificity)
                .thenComparingInt(Registered::order));
        for (Registered r : matching) {
            r.hook().run(ctx);
        }
    }
}
