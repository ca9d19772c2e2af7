package dev.backloop.http;

import dev.backloop.app.App;
import dev.backloop.app.ModelCustomizer;
import dev.backloop.remoting.SharedClass;

/**
 * The Java code of the remoting fixture's Person (its {@code common/models/person.js}): implements the
 * methods person.json declares. Other fixtures have a Person without them, so it does nothing there.
 */
public final class PersonCode implements ModelCustomizer {
    @Override
    public String model() {
        return "Person";
    }

    @Override
    public void customize(SharedClass person, App app) {
        person.implement("greet", ctx -> "Greetings... " + ctx.arg("msg"));
        person.implement("prototype.shout", ctx -> {
            String name = String.valueOf(ctx.instance().get("name")).toUpperCase(java.util.Locale.ROOT);
            return (name + "! ").repeat(((Number) ctx.arg("times")).intValue()).trim();
        });
    }
}
