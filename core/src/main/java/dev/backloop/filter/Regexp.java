package dev.backloop.filter;

import java.util.Objects;

/**
 * A regular expression operand: the pattern source and JavaScript-style flags ({@code i}, {@code g},
 * {@code m}), kept as text so that each connector translates it to its backend.
 */
public record Regexp(String source, String flags) {
    public Regexp {
        Objects.requireNonNull(source, "source is null");
        flags = flags == null ? "" : flags;
    }

    public boolean caseInsensitive() {
        return flags.indexOf('i') >= 0;
    }

    @Override
    public String toString() {
        return "/" + source + "/" + flags;
    }
}
