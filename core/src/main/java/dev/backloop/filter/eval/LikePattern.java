package dev.backloop.filter.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code like} pattern: {@code %} matches any run of characters, {@code _} exactly one, a backslash makes
 * the next character literal, every other character is literal. As in LoopBack's memory connector the
 * pattern is found anywhere in the value (unanchored), so {@code "ab"} matches {@code "cabd"} and
 * {@code "%ab%"} behaves the same.
 *
 * <p>Matched with a wildcard algorithm, not a regular expression, so the work is at most proportional to
 * value length times pattern length; no pattern can make it explode.
 */
public final class LikePattern {
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private final String text;
    private final int[] tokens;
    private final boolean caseInsensitive;

    private LikePattern(String text, int[] tokens, boolean caseInsensitive) {
        this.text = text;
        this.tokens = tokens;
        this.caseInsensitive = caseInsensitive;
    }

    /** Compiles a like pattern, optionally ignoring case. */
    public static LikePattern compile(String pattern, boolean caseInsensitive) {
        Objects.requireNonNull(pattern, "pattern is null");
        int[] tokens = new int[pattern.length() + 2];
        int count = 0;
        // unanchored: an implicit % on both sides
        tokens[count++] = ANY_RUN;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int token;
            if (c == '\\' && i + 1 < pattern.length()) {
                token = fold(pattern.charAt(++i), caseInsensitive);
            } else if (c == '%') {
                token = ANY_RUN;
            } else if (c == '_') {
                token = ANY_ONE;
            } else {
                token = fold(c, caseInsensitive);
            }
            if (token == ANY_RUN && tokens[count - 1] == ANY_RUN) {
                continue;
            }
            tokens[count++] = token;
        }
        if (tokens[count - 1] != ANY_RUN) {
            tokens[count++] = ANY_RUN;
        }
        return new LikePattern(pattern, Arrays.copyOf(tokens, count), caseInsensitive);
    }

    /** Whether the value contains a match of the pattern. */
    public boolean matches(CharSequence value) {
        int s = 0;
        int p = 0;
        int star = -1;
        int mark = 0;
        int n = value.length();
        while (s < n) {
            if (p < tokens.length && tokens[p] != ANY_RUN
                    && (tokens[p] == ANY_ONE || tokens[p] == fold(value.charAt(s), caseInsensitive))) {
                s++;
                p++;
            } else if (p < tokens.length && tokens[p] == ANY_RUN) {
                star = p++;
                mark = s;
            } else if (star >= 0) {
                p = star + 1;
                s = ++mark;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == tokens.length;
    }

    private static int fold(char c, boolean caseInsensitive) {
        return caseInsensitive ? Character.toLowerCase(Character.toUpperCase(c)) : c;
    }

    @Override
    public String toString() {
        return text;
    }
}
