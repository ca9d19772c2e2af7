package dev.backloop.remoting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * LoopBack's {@code remoting.sharedMethods} settings: {@code config.json}'s for every model, then
 * {@code model-config.json}'s {@code options.remoting.sharedMethods} for one, merged key by key. A key
 * names a method ({@code find}, {@code prototype.patchAttributes}) or is a glob ({@code *},
 * {@code prototype.*}, {@code find*}); {@code false} disables. A method's own key wins over any glob.
 */
public final class SharedMethodSettings {
    private final Map<String, Boolean> settings;

    private SharedMethodSettings(Map<String, Boolean> settings) {
        this.settings = settings;
    }

    /**
     * @param appWide  {@code config.json}'s {@code remoting.sharedMethods}, or a missing node
     * @param forModel the model's {@code options.remoting.sharedMethods}, or a missing node
     * @throws IllegalArgumentException for a value that is not a boolean (LoopBack's TypeError)
     */
    public static SharedMethodSettings of(JsonNode appWide, JsonNode forModel) {
        Map<String, Boolean> merged = new LinkedHashMap<>();
        for (JsonNode node : new JsonNode[] {appWide, forModel}) {
            if (node == null || !node.isObject()) {
                continue;
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isBoolean()) {
                    throw new IllegalArgumentException("remoting.sharedMethods." + e.getKey()
                            + ": expected boolean, got " + e.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                }
                merged.put(e.getKey(), e.getValue().booleanValue());
            });
        }
        return new SharedMethodSettings(merged);
    }

    /** Disables on the shared class every method the settings turn off. */
    public void applyTo(SharedClass sharedClass) {
        if (settings.isEmpty()) {
            return;
        }
        Map<Pattern, Boolean> globs = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.contains("*")) {
                // unanchored, as LoopBack's RegExp test: "find*" also matches "prototype.findX"
                globs.put(Pattern.compile(Pattern.quote(key).replace("*", "\\E.*\\Q")), value);
            }
        });
        for (SharedMethod method : sharedClass.allMethods()) {
            String name = method.stringName();
            Boolean own = settings.get(name);
            boolean enabled = true;
            if (own != null) {
                enabled = own;
            } else {
                for (Map.Entry<Pattern, Boolean> glob : globs.entrySet()) {
                    if (glob.getKey().matcher(name).find()) {
                        enabled = glob.getValue();
                    }
                }
            }
            if (!enabled) {
                sharedClass.disableRemoteMethodByName(name);
            }
        }
    }
}
