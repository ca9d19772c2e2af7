package dev.backloop.model;

import dev.backloop.error.HttpError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The operation hooks of one app, by model name. Notifying a model runs its base models' observers first
 * (a model inherits the hooks of the models it extends, as in the juggler), then its own, in registration order.
 */
public final class Observers {
    private final Map<String, Map<OperationHook, List<Observer>>> byModel = new ConcurrentHashMap<>();
    private final Function<String, Optional<ModelDefinition>> definitions;

    /** @param definitions every model definition of the app by name, to follow {@code base} chains */
    public Observers(Function<String, Optional<ModelDefinition>> definitions) {
        this.definitions = definitions;
    }

    /** Registers an observer of {@code hook} for {@code modelName} and the models extending it. */
    public void observe(String modelName, OperationHook hook, Observer observer) {
        byModel.computeIfAbsent(modelName, name -> new EnumMap<>(OperationHook.class))
                .computeIfAbsent(hook, h -> new CopyOnWriteArrayList<>())
                .add(observer);
    }

    /** Whether any observer would run; lets hot paths skip building contexts. */
    boolean any(ModelDefinition model, OperationHook hook) {
        return chain(model).stream().anyMatch(name -> !observersOf(name, hook).isEmpty());
    }

    /** Runs every observer of {@code hook} for the model, base models first. */
    void notify(ModelDefinition model, OperationHook hook, HookContext context) {
        for (String name : chain(model)) {
            for (Observer observer : observersOf(name, hook)) {
                try {
                    observer.observe(context);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HttpError(500, "Error", "The \"" + hook.wireName() + "\" hook of " + name
                            + " failed: " + e.getMessage(), null, null, e);
                }
            }
        }
    }

    private List<Observer> observersOf(String modelName, OperationHook hook) {
        Map<OperationHook, List<Observer>> hooks = byModel.get(modelName);
        return hooks == null ? List.of() : hooks.getOrDefault(hook, List.of());
    }

    /** The model and its bases, most basic first. */
    private List<String> chain(ModelDefinition model) {
        List<String> chain = new ArrayList<>();
        ModelDefinition current = model;
        while (current != null && !chain.contains(current.name())) {
            chain.add(0, current.name());
            current = current.base() == null ? null : definitions.apply(current.base()).orElse(null);
        }
        return chain;
    }
}
