package dev.backloop.remoting;

import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a remote method: the model, the method, its arguments already coerced to their declared
 * types, and for instance methods the instance loaded by id.
 */
public final class Invocation {
    private final Model model;
    private final SharedMethod method;
    private final Map<String, Object> args;
    private final ModelInstance instance;

    public Invocation(Model model, SharedMethod method, Map<String, Object> args, ModelInstance instance) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.method = Objects.requireNonNull(method, "method is null");
        this.args = Collections.unmodifiableMap(args);
        this.instance = instance;
    }

    public Model model() {
        return model;
    }

    public SharedMethod method() {
        return method;
    }

    public Map<String, Object> args() {
        return args;
    }

    public Object arg(String name) {
        return args.get(name);
    }

    /** The instance an instance method runs on; {@code null} for static methods. */
    public ModelInstance instance() {
        return instance;
    }
}
