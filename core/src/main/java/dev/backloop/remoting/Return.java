package dev.backloop.remoting;

import java.util.Locale;
import java.util.Objects;

/**
 * One declared result of a remote method (an entry of LoopBack's {@code returns}).
 *
 * @param arg    the property name of the result in the response object
 * @param type   its type; {@code file} with {@code root} streams the value as the body
 * @param root   whether the result is the whole response body rather than one property of it
 * @param target LoopBack's {@code http.target}: {@code status} sets the response status, {@code header}
 *               a response header; {@code null} for the body
 * @param header the header name for the {@code header} target (the arg name when not given)
 */
public record Return(String arg, String type, boolean root, String target, String header) {
    public Return {
        Objects.requireNonNull(arg, "arg is null");
        type = type == null ? "any" : type;
        target = target == null ? null : target.toLowerCase(Locale.ROOT);
        if (target != null && !target.equals("status") && !target.equals("header")) {
            throw new IllegalArgumentException("unknown http target \"" + target + "\" of return " + arg
                    + " (expected status or header)");
        }
        header = "header".equals(target) && header == null ? arg : header;
    }

    public Return(String arg, String type, boolean root) {
        this(arg, type, root, null, null);
    }

    public static Return root(String arg, String type) {
        return new Return(arg, type, true);
    }

    public static Return property(String arg, String type) {
        return new Return(arg, type, false);
    }

    /** A result sent as a response header rather than in the body. */
    public static Return header(String arg, String type, String headerName) {
        return new Return(arg, type, false, "header", headerName);
    }

    /** A result that becomes the response status. */
    public static Return status(String arg) {
        return new Return(arg, "number", false, "status", null);
    }

    /** Whether this result goes to the body (not to the status or a header). */
    public boolean inBody() {
        return target == null;
    }

    public boolean isFile() {
        return root && "file".equalsIgnoreCase(type);
    }
}
