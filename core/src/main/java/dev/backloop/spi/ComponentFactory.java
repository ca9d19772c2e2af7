package dev.backloop.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Creates a component: something an app can do beyond models and datasources (the API explorer, say).
 * Found with {@link java.util.ServiceLoader}: a component jar lists its factory in
 * {@code META-INF/services/dev.backloop.spi.ComponentFactory}. An app turns a component on with an entry in
 * {@code server/component-config.json}, keyed by the factory's name or an alias; {@code null} there (for
 * instance in {@code component-config.production.json}) turns it off.
 *
 * <pre>{@code
 * public final class HealthComponentFactory implements ComponentFactory {
 *     public String name() { return "health"; }
 *     public Component create(ComponentContext context, JsonNode config) {
 *         context.addResource(healthResource(context.app()));
 *         return Component.NONE;
 *     }
 * }
 * }</pre>
 */
public interface ComponentFactory {

    /** The key in component-config.json, e.g. {@code "explorer"}. */
    String name();

    /** Other keys accepted, e.g. LoopBack's npm package name {@code "loopback-component-explorer"}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Sets the component up for one app. Called once every model is attached and before the app serves
     * HTTP; it may add routes through the context.
     *
     * @param config the component's entry in component-config.json (an empty object when it was {@code {}}
     *               or {@code true})
     * @throws RuntimeException to stop boot; the message should say what in the config is wrong
     */
    Component create(ComponentContext context, JsonNode config);
}
