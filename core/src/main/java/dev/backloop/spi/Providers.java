package dev.backloop.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the providers of one kind on the classpath (connectors, components, mixins, customizers) with
 * {@link ServiceLoader}. A provider that cannot be loaded is reported with its kind, never skipped: an app
 * missing a plugin it was given should not boot as if it had none.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * Every provider of {@code type} visible to {@code loader}, in classpath order.
     *
     * @param kind what to call them in an error ({@code "connector"})
     * @throws IllegalStateException when one is listed but cannot be loaded
     */
    public static <T> List<T> load(Class<T> type, ClassLoader loader, String kind) {
        List<T> found = new ArrayList<>();
        Iterator<T> providers = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return found;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("A " + kind + " on the classpath could not be loaded: " + e.getMessage(), e);
            }
        }
    }
}
