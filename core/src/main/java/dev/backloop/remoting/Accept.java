package dev.backloop.remoting;

import java.util.Objects;
import java.util.function.Function;

/**
 * One declared argument of a remote method (an entry of LoopBack's {@code accepts}).
 *
 * @param arg          the argument name
 * @param type         its type as LoopBack names it: {@code string}, {@code number}, {@code integer},
 *                     {@code boolean}, {@code object}, {@code array} or {@code [itemType]}, {@code date},
 *                     {@code any}, or a model name
 * @param required     whether a request without it is refused with 400
 * @param source       where it is read from
 * @param description  for the API explorer
 * @param defaultValue the value when the request has none, or {@code null}
 * @param mapper       LoopBack's {@code http: function(ctx)}: computes the value from the invocation
 *                     (its request) instead of reading a source; {@code null} when not used
 */
public record Accept(String arg, String type, boolean required, HttpSource source, String description,
        Object defaultValue, Function<Invocation, Object> mapper) {
    public Accept {
        Objects.requireNonNull(arg, "arg is null");
        type = type == null ? "any" : type;
        Objects.requireNonNull(source, "source is null");
    }

    public Accept(String arg, String type, boolean required, HttpSource source, String description) {
        this(arg, type, required, source, description, null, null);
    }

    public static Accept of(String arg, String type, HttpSource source) {
        return new Accept(arg, type, false, source, null);
    }

    public Accept asRequired() {
        return new Accept(arg, type, true, source, description, defaultValue, mapper);
    }

    public Accept describedAs(String text) {
        return new Accept(arg, type, required, source, text, defaultValue, mapper);
    }

    public Accept withDefault(Object value) {
        return new Accept(arg, type, required, source, description, value, mapper);
    }

    /** Computes the argument from the invocation rather than reading it from the request. */
    public Accept mappedBy(Function<Invocation, Object> function) {
        return new Accept(arg, type, required, source, description, defaultValue, function);
    }
}
