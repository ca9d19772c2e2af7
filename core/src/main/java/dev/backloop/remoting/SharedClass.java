package dev.backloop.remoting;

import dev.backloop.model.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The remote face of one model: its methods, in declaration order (which is LoopBack's route order).
 */
public final class SharedClass {
    private final Model model;
    private final List<SharedMethod> methods = new ArrayList<>();
    private final List<String> disabled = new ArrayList<>();

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
        methods.add(method);
        return this;
    }

    /** LoopBack's {@code disableRemoteMethodByName}: hides a method by name, full name or alias. */
    public void disable(String methodName) {
        disabled.add(methodName);
    }

    /** The methods that are exposed: every added method not disabled. */
    public List<SharedMethod> methods() {
        return methods.stream().filter(m -> disabled.stream().noneMatch(m::isNamed)).toList();
    }

    public List<SharedMethod> allMethods() {
        return Collections.unmodifiableList(methods);
    }
}
