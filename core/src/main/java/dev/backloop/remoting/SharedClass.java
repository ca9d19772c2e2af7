package dev.backloop.remoting;

import dev.backloop.model.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The remote face of one model: its methods, in declaration order (which is LoopBack's route order).
 * Custom methods are added with {@link #remoteMethod}, or declared in the model definition's
 * {@code methods} and given their code with {@link #implement}.
 */
public final class SharedClass {
    private final Model model;
    private final List<SharedMethod> methods = new ArrayList<>();
    private final List<String> disabled = new ArrayList<>();
    /** Methods declared in JSON that have no handler yet, by full name. */
    private final Map<String, SharedMethod.Builder> declared = new LinkedHashMap<>();

    public SharedClass(Model model) {
        this.model = Objects.requireNonNull(model, "model is null");
    }

    public Model model() {
        return model;
    }

    public String name() {
        return model.name();
    }

    /** The path of the model's routes below the REST root, without slashes ({@code books}). */
    public String path() {
        return model.definition().restPath();
    }

    public SharedClass add(SharedMethod method) {
        methods.removeIf(m -> m.stringName().equals(method.stringName()));
        methods.add(method);
        return this;
    }

    /**
     * LoopBack's {@code Model.remoteMethod(name, options)} with its code: exposes a method whose options
     * are LoopBack's ({@code accepts}, {@code returns}, {@code http}, {@code description}, {@code notes},
     * {@code accessType}, {@code isStatic}); a {@code prototype.} name prefix makes an instance method,
     * served at {@code /:id/<path>}. Options may be a {@code Map} or a Jackson tree. Redefining a method
     * replaces it.
     *
     * @throws IllegalArgumentException when the options are malformed
     */
    public SharedMethod remoteMethod(String name, Object options, MethodHandler handler) {
        Objects.requireNonNull(handler, "handler is null");
        SharedMethod method = MethodOptions.read(name, options).handler(handler).build();
        declared.remove(method.stringName());
        add(method);
        return method;
    }

    /** Declares a method from the model definition's {@code methods}; it is exposed once implemented. */
    public void declare(String name, Object options) {
        SharedMethod.Builder builder = MethodOptions.read(name, options);
        String full = builder.isStatic() ? builder.name() : "prototype." + builder.name();
        declared.put(full, builder);
    }

    /**
     * Gives a method declared in the model definition its code (what assigning {@code Person.greet} does
     * in a LoopBack model script).
     *
     * @param name the method name, {@code prototype.}-prefixed for an instance method
     * @return whether such a method was declared (binding code to an undeclared name exposes nothing, as
     *         in LoopBack where a plain function is not remote)
     */
    public boolean implement(String name, MethodHandler handler) {
        Objects.requireNonNull(handler, "handler is null");
        SharedMethod.Builder builder = declared.remove(name);
        if (builder == null) {
            return false;
        }
        add(builder.handler(handler).build());
        return true;
    }

    /** Full names of methods declared in the model definition that have no code yet. */
    public List<String> unimplemented() {
        return List.copyOf(declared.keySet());
    }

    /**
     * LoopBack's {@code disableRemoteMethodByName}: the method (by name, {@code prototype.} name or alias)
     * gets no route and is not shown in the explorer; its Java code stays callable.
     */
    public void disableRemoteMethodByName(String methodName) {
        disabled.add(methodName);
    }

    /** The methods that are exposed: every added method not disabled. */
    public List<SharedMethod> methods() {
        return methods.stream().filter(m -> disabled.stream().noneMatch(m::isNamed)).toList();
    }

    public List<SharedMethod> allMethods() {
        return Collections.unmodifiableList(methods);
    }

    /** The method with this name, full name or alias, exposed or not. */
    public java.util.Optional<SharedMethod> method(String methodName) {
        return methods.stream().filter(m -> m.isNamed(methodName)).findFirst();
    }
}
