package dev.backloop.remoting;

import java.util.Objects;

/**
 * One declared argument of a remote method (an entry of LoopBack's {@code accepts}).
 *
 * @param arg         the argument name
 * @param type        its type as LoopBack names it: {@code string}, {@code number}, {@code boolean},
 *                    {@code object}, {@code array}, {@code date}, {@code any}, or a model name
 * @param required    whether a request without it is refused with 400
 * @param source      where it is read from
 * @param description for the API explorer
 */
public record Accept(String arg, String type, boolean required, HttpSource source, String description) {
    public Accept {
        Objects.requireNonNull(arg, "arg is null");
        type = type == null ? "any" : type;
        Objects.requireNonNull(source, "source is null");
    }

    public static Accept of(String arg, String type, HttpSource source) {
        return new Accept(arg, type, false, source, null);
    }

    public Accept asRequired() {
        return new Accept(arg, type, true, source, description);
    }

    public Accept describedAs(String text) {
        return new Accept(arg, type, required, source, text);
    }
}
