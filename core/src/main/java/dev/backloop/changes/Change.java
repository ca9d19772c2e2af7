package dev.backloop.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One change of a model's data, as LoopBack's change streams send it.
 *
 * @param target the id of the changed record, when known (not for an updateAll)
 * @param data   the record as clients see it (or, for an updateAll, the changes)
 * @param type   {@code create}, {@code update} or {@code remove}
 */
@JsonPropertyOrder({"target", "data", "type"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(Object target, Object data, String type) {
}
