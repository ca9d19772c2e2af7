package dev.backloop.filter.eval;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Regexp;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a JavaScript regular expression ({@link Regexp}: source and flags) to a
 * {@link java.util.regex.Pattern} with the same meaning, for the constructs where the two dialects differ:
 * {@code $} is end of input unless {@code m}, {@code []} matches nothing and {@code [^]} anything,
 * {@code [} and {@code &&} are literal inside a class, a stray {@code {} is literal, identity escapes such
 * as {@code \Q} or {@code \A} are the letter itself, {@code \v} and {@code \0} are characters, {@code \s}
 * includes Unicode spaces. Flags: {@code i} and {@code m} and {@code s} apply, {@code g} and {@code u} are
 * accepted and change nothing for a test; any other flag is refused.
 */
public final class JavaScriptRegex {
    // JavaScript's \s: WhiteSpace and LineTerminator of ECMAScript
    private static final String JS_SPACE = "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    private JavaScriptRegex() {
    }

    /**
     * Compiles a JavaScript regular expression.
     *
     * @throws HttpError 400 when the expression or its flags are invalid
     */
    public static Pattern compile(Regexp regexp) {
        int flags = 0;
        boolean multiline = false;
        boolean unicode = false;
        for (char flag : regexp.flags().toCharArray()) {
            switch (flag) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> {
                    flags |= Pattern.MULTILINE;
                    multiline = true;
                }
                case 's' -> flags |= Pattern.DOTALL;
                case 'u' -> unicode = true;
                case 'g' -> {
                    // global only matters for repeated matching, never for a yes/no test
                }
                default -> throw HttpError.badRequest("Invalid regular expression flags: " + regexp);
            }
        }
        String translated = translate(regexp.source(), multiline, unicode, regexp);
        try {
            return Pattern.compile(translated, flags);
        } catch (PatternSyntaxException | StackOverflowError e) {
            throw HttpError.badRequest("Invalid regular expression: " + regexp);
        }
    }

    /**
     * Parses LoopBack's string form of a regexp operand: {@code "/abc/i"} with flags, or a bare source.
     */
    public static Regexp parse(String text) {
        if (text.length() >= 2 && text.charAt(0) == '/') {
            int end = text.lastIndexOf('/');
            if (end > 0) {
                String flags = text.substring(end + 1);
                if (flags.chars().allMatch(c -> c == 'g' || c == 'i' || c == 'm')) {
                    return new Regexp(text.substring(1, end), flags);
                }
            }
        }
        return new Regexp(text, "");
    }

    private static String translate(String source, boolean multiline, boolean unicode, Regexp original) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        boolean inClass = false;
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw HttpError.badRequest("Invalid regular expression: " + original + " (\\ at end of pattern)");
                }
                i = escape(source, i + 1, inClass, unicode, out);
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    out.append(']');
                } else if (c == '[' || c == '&') {
                    // Java gives these meaning inside a class (nesting, intersection); JavaScript does not
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    if (source.startsWith("[]", i)) {
                        out.append("(?!)");
                        i += 2;
                    } else if (source.startsWith("[^]", i)) {
                        out.append("[\\s\\S]");
                        i += 3;
                    } else {
                        out.append('[');
                        i++;
                        if (i < n && source.charAt(i) == '^') {
                            out.append('^');
                            i++;
                        }
                        // a ']' right after '[' or '[^' closes the class in JavaScript (handled above) but
                        // would be a literal in Java; the cases above leave none here
                        inClass = true;
                    }
                }
                case '{' -> {
                    int end = quantifierEnd(source, i);
                    if (end > 0) {
                        out.append(source, i, end);
                        i = end;
                    } else {
                        out.append("\\{");
                        i++;
                    }
                }
                case '}' -> {
                    out.append("\\}");
                    i++;
                }
                case '$' -> {
                    out.append(multiline ? "$" : "\\z");
                    i++;
                }
                case '(' -> {
                    if (source.startsWith("(?", i) && !isJavaScriptGroup(source, i + 2)) {
                        throw HttpError.badRequest("Invalid regular expression: " + original + " (invalid group)");
                    }
                    out.append('(');
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        if (inClass) {
            throw HttpError.badRequest("Invalid regular expression: " + original + " (unterminated character class)");
        }
        return out.toString();
    }

    /** Translates the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(String source, int i, boolean inClass, boolean unicode, StringBuilder out) {
        char d = source.charAt(i);
        int n = source.length();
        switch (d) {
            case 'd', 'D', 'w', 'W', 'n', 'r', 't', 'f' -> out.append('\\').append(d);
            case 's' -> out.append(inClass ? JS_SPACE : "[" + JS_SPACE + "]");
            case 'S' -> out.append(inClass ? "\\S" : "[^" + JS_SPACE + "]");
            case 'b' -> out.append(inClass ? "\\x08" : "\\b");
            case 'B' -> out.append(inClass ? "B" : "\\B");
            case 'v' -> out.append("\\x0B");
            case 'c' -> {
                if (i + 1 < n && isAsciiLetter(source.charAt(i + 1))) {
                    out.append("\\c").append(source.charAt(i + 1));
                    return i + 2;
                }
                out.append("\\\\c");
            }
            case 'x' -> {
                if (isHex(source, i + 1, 2)) {
                    out.append("\\x").append(source, i + 1, i + 3);
                    return i + 3;
                }
                out.append('x');
            }
            case 'u' -> {
                if (isHex(source, i + 1, 4)) {
                    out.append("\\u").append(source, i + 1, i + 5);
                    return i + 5;
                }
                int close = source.indexOf('}', i);
                if (unicode && i + 1 < n && source.charAt(i + 1) == '{' && close > i + 2
                        && isHex(source, i + 2, close - i - 2)) {
                    out.append("\\x{").append(source, i + 2, close).append('}');
                    return close + 1;
                }
                out.append('u');
            }
            case 'p', 'P' -> {
                int close = source.indexOf('}', i);
                if (unicode && i + 1 < n && source.charAt(i + 1) == '{' && close > 0) {
                    out.append('\\').append(d).append(source, i + 1, close + 1);
                    return close + 1;
                }
                out.append(d);
            }
            case 'k' -> {
                int close = source.indexOf('>', i);
                if (!inClass && i + 1 < n && source.charAt(i + 1) == '<' && close > 0) {
                    out.append("\\k").append(source, i + 1, close + 1);
                    return close + 1;
                }
                out.append('k');
            }
            case '0' -> {
                if (i + 1 < n && isDigit(source.charAt(i + 1))) {
                    return octal(source, i, out);
                }
                out.append("\\x00");
            }
            default -> {
                if (isDigit(d)) {
                    if (inClass) {
                        return octal(source, i, out);
                    }
                    int end = i;
                    while (end < n && isDigit(source.charAt(end))) {
                        end++;
                    }
                    out.append('\\').append(source, i, end);
                    return end;
                }
                if (Character.isLetterOrDigit(d)) {
                    // identity escape: JavaScript (without u) reads \Q, \A, \z... as the letter itself
                    out.append(d);
                } else if (d < 128) {
                    out.append('\\').append(d);
                } else {
                    out.append(d);
                }
            }
        }
        return i + 1;
    }

    /** A legacy octal escape (JavaScript's Annex B) of up to three digits, as a character. */
    private static int octal(String source, int i, StringBuilder out) {
        int value = 0;
        int end = i;
        while (end < source.length() && end - i < 3 && source.charAt(end) >= '0' && source.charAt(end) <= '7'
                && value * 8 + (source.charAt(end) - '0') <= 0377) {
            value = value * 8 + (source.charAt(end) - '0');
            end++;
        }
        if (end == i) {
            // \8 or \9: the digit itself
            out.append(source.charAt(i));
            return i + 1;
        }
        out.append(String.format("\\x{%x}", value));
        return end;
    }

    private static boolean isJavaScriptGroup(String source, int i) {
        return source.startsWith(":", i) || source.startsWith("=", i) || source.startsWith("!", i)
                || source.startsWith("<=", i) || source.startsWith("<!", i)
                || source.startsWith("<", i) && i + 1 < source.length();
    }

    /** The index after a {n}, {n,} or {n,m} quantifier starting at {@code i}, or -1 if it is not one. */
    private static int quantifierEnd(String source, int i) {
        int j = i + 1;
        int n = source.length();
        int digits = 0;
        while (j < n && isDigit(source.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        if (j < n && source.charAt(j) == ',') {
            j++;
            while (j < n && isDigit(source.charAt(j))) {
                j++;
            }
        }
        return j < n && source.charAt(j) == '}' ? j + 1 : -1;
    }

    private static boolean isHex(String source, int from, int count) {
        if (count <= 0 || from + count > source.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (Character.digit(source.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
