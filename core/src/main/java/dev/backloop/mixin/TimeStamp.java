package dev.backloop.mixin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.HookContext;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.OperationHook;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.Mixin;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code TimeStamp} mixin of loopback-ds-timestamp-mixin: a {@code createdAt} date set when a record is
 * created and an {@code updatedAt} date set on every write (updateAll included). Options: {@code createdAt}
 * and {@code updatedAt} (the property names), {@code required} (default true; the values are set before
 * validation, so clients need not send them). A caller may skip the update stamp with the option
 * {@code skipUpdatedAt}.
 */
public final class TimeStamp implements Mixin {

    @Override
    public String name() {
        return "TimeStamp";
    }

    @Override
    public ModelDefinition define(ModelDefinition definition, JsonNode options) {
        boolean required = options.path("required").asBoolean(true);
        return definition
                .withProperty(new PropertyDefinition(createdAt(options), PropertyType.DATE, null, required, null, 0,
                        false, false, null, "now"))
                .withProperty(new PropertyDefinition(updatedAt(options), PropertyType.DATE, null, required, null, 0,
                        false, false, null, null));
    }

    @Override
    public void attach(Model model, JsonNode options) {
        String updatedAt = updatedAt(options);
        model.observe(OperationHook.BEFORE_SAVE, context -> stamp(context, updatedAt));
    }

    private static void stamp(HookContext context, String updatedAt) {
        if (Boolean.TRUE.equals(context.options().get("skipUpdatedAt"))) {
            return;
        }
        Instant now = Instant.now();
        if (context.instance() != null) {
            context.instance().set(updatedAt, now);
        } else if (context.data() != null) {
            Map<String, Object> data = new LinkedHashMap<>(context.data());
            data.put(updatedAt, now);
            context.setData(data);
        }
    }

    private static String createdAt(JsonNode options) {
        return options.path("createdAt").asText("createdAt");
    }

    private static String updatedAt(JsonNode options) {
        return options.path("updatedAt").asText("updatedAt");
    }
}
