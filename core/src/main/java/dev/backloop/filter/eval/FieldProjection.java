package dev.backloop.filter.eval;

import dev.backloop.filter.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Applies a filter's {@link Fields} to records: a new map with the selected top-level properties, in the
 * record's own order.
 */
public final class FieldProjection {
    private final Fields fields;

    private FieldProjection(Fields fields) {
        this.fields = fields;
    }

    public static FieldProjection of(Fields fields) {
        return new FieldProjection(Objects.requireNonNull(fields, "fields is null"));
    }

    /** The projected record; values are shared with the input. */
    public Map<String, Object> apply(Map<String, Object> record) {
        return apply(record, UnaryOperator.identity());
    }

    /** The projected record with each kept value passed through {@code copier} (e.g. a deep copy). */
    public Map<String, Object> apply(Map<String, Object> record, UnaryOperator<Object> copier) {
        Map<String, Object> result = new LinkedHashMap<>(Math.max(4, record.size() * 4 / 3 + 1));
        boolean all = fields.isAll();
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (all || fields.includes(entry.getKey())) {
                result.put(entry.getKey(), copier.apply(entry.getValue()));
            }
        }
        return result;
    }
}
