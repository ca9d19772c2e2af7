package dev.backloop.remoting;

import java.util.Arrays;

/**
 * A hook pattern as strong-remoting's event tree reads it: dot-separated segments, {@code *} matching
 * one segment and {@code **} any number of them. {@code Person.*} so matches static methods only and
 * {@code Person.prototype.*} instance methods only.
 */
record HookPattern(String text, String[] segments) {

    static HookPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a hook pattern is required (\"**\", \"Model.*\", \"Model.method\")");
        }
        return new HookPattern(pattern, pattern.split("\\.", -1));
    }

    boolean matches(String methodString) {
        return matches(segments, 0, methodString.split("\\.", -1), 0);
    }

    private static boolean matches(String[] pattern, int p, String[] name, int n) {
        if (p == pattern.length) {
            return n == name.length;
        }
        if (pattern[p].equals("**")) {
            for (int skip = n; skip <= name.length; skip++) {
                if (matches(pattern, p + 1, name, skip)) {
                    return true;
                }
            }
            return false;
        }
        if (n == name.length) {
            return false;
        }
        return (pattern[p].equals("*") || pattern[p].equals(name[n])) && matches(pattern, p + 1, name, n + 1);
    }

    /**
     * Orders hooks as the event tree returns them: at each segment an exact name before {@code *} before
     * {@code **}, so {@code Person.greet} hooks run before {@code Person.*} ones, and those before {@code **}.
     */
    int compareSpecificity(HookPattern other) {
        int length = Math.min(segments.length, other.segments.length);
        for (int i = 0; i < length; i++) {
            int c = Integer.compare(rank(segments[i]), rank(other.segments[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int rank(String segment) {
        return switch (segment) {
            case "*" -> 1;
            case "**" -> 2;
            default -> 0;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HookPattern h && Arrays.equals(segments, h.segments);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(segments);
    }
}
