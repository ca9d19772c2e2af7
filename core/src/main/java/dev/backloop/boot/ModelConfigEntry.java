package dev.backloop.boot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One model entry of {@code server/model-config.json}.
 *
 * @param name       the model name
 * @param dataSource the datasource it is attached to, or {@code null} for none (abstract/transient use)
 * @param isPublic   whether its REST routes are exposed ({@code "public"}, true unless set)
 * @param options    the entry's {@code options} (e.g. {@code remoting.sharedMethods}); empty when absent
 */
public record ModelConfigEntry(String name, String dataSource, boolean isPublic, ObjectNode options) {
    public ModelConfigEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(options, "options is null");
    }
}
