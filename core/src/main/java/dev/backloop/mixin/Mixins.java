package dev.backloop.mixin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.backloop.boot.BootException;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.Mixin;
import dev.backloop.spi.Providers;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The mixins on the classpath, and how a model definition's {@code mixins} section applies them. */
public final class Mixins {
    private final Map<String, Mixin> byName = new TreeMap<>();

    private Mixins() {
    }

    /** Every mixin visible to {@code classLoader} (TimeStamp ships with core). */
    public static Mixins discover(ClassLoader classLoader) {
        Mixins mixins = new Mixins();
        for (Mixin mixin : Providers.load(Mixin.class, classLoader, "mixin")) {
            Mixin previous = mixins.byName.putIfAbsent(mixin.name(), mixin);
            if (previous != null && previous.getClass() != mixin.getClass()) {
                throw new IllegalStateException("Two mixins claim the name \"" + mixin.name() + "\": "
                        + previous.getClass().getName() + " and " + mixin.getClass().getName());
            }
        }
        return mixins;
    }

    /** The definition with every listed mixin's additions, in the order the section lists them. */
    public ModelDefinition define(ModelDefinition definition) {
        ModelDefinition result = definition;
        for (Map.Entry<Mixin, JsonNode> use : uses(definition).entrySet()) {
            result = use.getKey().define(result, use.getValue());
        }
        return result;
    }

    /** Lets every listed mixin add its behaviour to the attached model. */
    public void attach(Model model) {
        uses(model.definition()).forEach((mixin, options) -> mixin.attach(model, options));
    }

    private Map<Mixin, JsonNode> uses(ModelDefinition definition) {
        Map<Mixin, JsonNode> uses = new LinkedHashMap<>();
        JsonNode section = definition.settings().path("mixins");
        if (section.isMissingNode() || section.isNull()) {
            return uses;
        }
        if (!section.isObject()) {
            throw new BootException("Model " + definition.name() + ": \"mixins\" must be an object of mixin names");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = section.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode options = entry.getValue();
            if (options.isBoolean() && !options.booleanValue()) {
                continue; // "TimeStamp": false turns an inherited mixin off
            }
            Mixin mixin = byName.get(entry.getKey());
            if (mixin == null) {
                throw new BootException("Model " + definition.name() + " uses unknown mixin \"" + entry.getKey()
                        + "\"; mixins on the classpath: " + byName.keySet());
            }
            uses.put(mixin, options.isObject() ? options : JsonNodeFactory.instance.objectNode());
        }
        return uses;
    }
}
