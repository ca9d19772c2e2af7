package dev.backloop.app;

import dev.backloop.remoting.SharedClass;

/**
 * The Java code of a model, what {@code common/models/person.js} is to a LoopBack 3 app: it implements
 * the remote methods the model definition declares in {@code methods}, adds others, registers hooks and
 * disables methods. An app ships its customizers in a jar (or on the classpath) listed in
 * {@code META-INF/services/dev.backloop.app.ModelCustomizer}; boot calls each one whose model the app
 * has, once, after every model is defined and before any route exists.
 *
 * <pre>{@code
 * public final class PersonCode implements ModelCustomizer {
 *     public String model() { return "Person"; }
 *     public void customize(SharedClass person, App app) {
 *         person.implement("greet", ctx -> "Greetings... " + ctx.arg("msg"));
 *         app.remotes().after("Person.greet", ctx -> ctx.setResult(Map.of("data", ctx.result())));
 *     }
 * }
 * }</pre>
 */
public interface ModelCustomizer {
    /** The name of the model this code belongs to; an app without that model skips it. */
    String model();

    /**
     * Customizes the model's remote face. Throwing fails boot.
     *
     * @param model the model's shared class; {@link SharedClass#model()} is the model's Java API
     * @param app   the app being booted, for its other models and {@link App#remotes() hooks}
     */
    void customize(SharedClass model, App app) throws Exception;
}
