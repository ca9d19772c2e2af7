package dev.backloop.remoting;

import java.util.Objects;

/**
 * One declared result of a remote method (an entry of LoopBack's {@code returns}).
 *
 * @param arg  the property name of the result in the response object
 * @param type its type
 * @param root whether the result is the whole response body rather than one property of it
 */
public record Return(String arg, String type, boolean root) {
    public Return {
        Objects.requireNonNull(arg, "arg is null");
        type = type == null ? "any" : type;
    }

    public static Return root(String arg, String type) {
        return new Return(arg, type, true);
    }

    public static Return property(String arg, String type) {
        return new Return(arg, type, false);
    }
}
