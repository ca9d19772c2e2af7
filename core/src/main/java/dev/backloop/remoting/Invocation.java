package dev.backloop.remoting;

import dev.backloop.error.HttpError;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a remote method, LoopBack's remoting {@code ctx}: the model, the method, its arguments
 * already coerced to their declared types, for instance methods the instance loaded by id, the HTTP
 * request and response, and once the method ran its result (or error). Hooks may replace the arguments
 * and the result.
 */
public final class Invocation {
    /** The call whose method is running on this thread (its handler's synchronous part). */
    private static final ThreadLocal<Invocation> RUNNING = new ThreadLocal<>();
    private final Model model;
    private final SharedMethod method;
    private final Map<String, Object> args = new LinkedHashMap<>();
    private final ModelInstance instance;
    private final RemoteRequest request;
    private final RemoteResponse response = new RemoteResponse();
    private Object result;
    private ModelInstance accessToken;
    private Throwable error;

    public Invocation(Model model, SharedMethod method, Map<String, Object> args, ModelInstance instance) {
        this(model, method, args, instance, null);
    }

    /**
     * @param request the HTTP request, or {@code null} for a call from Java
     */
    public Invocation(Model model, SharedMethod method, Map<String, Object> args, ModelInstance instance,
            RemoteRequest request) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.method = Objects.requireNonNull(method, "method is null");
        this.args.putAll(args);
        this.instance = instance;
        this.request = request;
    }

    /**
     * The remote call whose method is running on this thread, if any: lets code below the method (a
     * connector, an operation hook) see the HTTP request it serves, e.g. to forward the caller's token.
     * Empty for calls from Java that did not come through the REST API, and after the method returned a
     * stage (the rest runs on another thread).
     */
    public static Optional<Invocation> current() {
        return Optional.ofNullable(RUNNING.get());
    }

    /** Runs the method's handler with this invocation {@linkplain #current() current}. */
    Object runHandler() throws Exception {
        Invocation outer = RUNNING.get();
        RUNNING.set(this);
        try {
            return method.handler().invoke(this);
        } finally {
            // never left behind on a pooled request thread
            if (outer == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(outer);
            }
        }
    }

    public Model model() {
        return model;
    }

    public SharedMethod method() {
        return method;
    }

    /** LoopBack's hook name of the call: {@code Person.greet} or {@code Person.prototype.greet}. */
    public String methodString() {
        return model.name() + "." + method.stringName();
    }

    public Map<String, Object> args() {
        return Collections.unmodifiableMap(args);
    }

    public Object arg(String name) {
        return args.get(name);
    }

    /**
     * An object argument as a mutable map (a copy): an empty one when absent, 400 when the client sent
     * something else (an array, a string).
     */
    public Map<String, Object> objectArg(String name) {
        return asObject(name, arg(name));
    }

    /**
     * The objects of an argument that may be one object or an array of them (a create body): a single
     * object is a list of one; anything else is 400.
     */
    public List<Map<String, Object>> objectsArg(String name) {
        if (!(arg(name) instanceof List<?> items)) {
            return List.of(objectArg(name));
        }
        List<Map<String, Object>> objects = new java.util.ArrayList<>(items.size());
        for (Object item : items) {
            objects.add(asObject(name, item));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(String name, Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        throw new HttpError(400, "Error", "The " + name + " argument must be an object, not "
                + (value instanceof List ? "an array" : "\"" + value + "\""), null, null);
    }

    /** Replaces one argument (a before hook's {@code ctx.args.x = ...}). */
    public Invocation setArg(String name, Object value) {
        args.put(name, value);
        return this;
    }

    /** The instance an instance method runs on; {@code null} for static methods. */
    public ModelInstance instance() {
        return instance;
    }

    /** The HTTP request; {@code null} when the method is called from Java. */
    public RemoteRequest request() {
        return request;
    }

    /** The caller's valid access token (LoopBack's {@code req.accessToken}), or {@code null} when anonymous. */
    public ModelInstance accessToken() {
        return accessToken;
    }

    /** Records the caller's access token; the access guard does this before any hook runs. */
    public Invocation setAccessToken(ModelInstance token) {
        this.accessToken = token;
        return this;
    }

    public RemoteResponse response() {
        return response;
    }

    /**
     * The result as it will be sent: after the method ran, the value of a {@code root} return, or an
     * object of the named returns; {@code null} before, or when there is nothing to send.
     */
    public Object result() {
        return result;
    }

    /** Replaces the result (an after hook's {@code ctx.result = ...}). */
    public Invocation setResult(Object value) {
        this.result = value;
        return this;
    }

    /** The error of a failed call, for {@code afterError} hooks; {@code null} otherwise. */
    public Throwable error() {
        return error;
    }

    void setError(Throwable failure) {
        this.error = failure;
    }
}
