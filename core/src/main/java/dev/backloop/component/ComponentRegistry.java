package dev.backloop.component;

import dev.backloop.spi.ComponentFactory;
import dev.backloop.spi.Providers;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The components on the classpath, found with {@link ServiceLoader}, by name and alias. A broken provider or
 * two providers claiming one name are reported, never silently skipped.
 */
public final class ComponentRegistry {
    private final Map<String, ComponentFactory> byName = new TreeMap<>();

    private ComponentRegistry() {
    }

    /** Every component factory visible to {@code classLoader}. */
    public static ComponentRegistry discover(ClassLoader classLoader) {
        ComponentRegistry registry = new ComponentRegistry();
        Providers.load(ComponentFactory.class, classLoader, "component").forEach(registry::register);
        return registry;
    }

    /** Adds a factory under its name and aliases. */
    public ComponentRegistry register(ComponentFactory factory) {
        claim(factory.name(), factory);
        factory.aliases().forEach(alias -> claim(alias, factory));
        return this;
    }

    private void claim(String name, ComponentFactory factory) {
        ComponentFactory previous = byName.putIfAbsent(name, factory);
        if (previous != null && previous != factory) {
            throw new IllegalStateException("Two components claim the name \"" + name + "\": "
                    + previous.getClass().getName() + " and " + factory.getClass().getName());
        }
    }

    /** The factory a component-config.json key names. */
    public Optional<ComponentFactory> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every name and alias known, for messages. */
    public Set<String> names() {
        return byName.keySet();
    }
}
