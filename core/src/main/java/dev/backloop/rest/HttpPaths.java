package dev.backloop.rest;

import java.util.Locale;

/** strong-remoting's {@code normalizeHttpPath}: {@code MyModel} → {@code my-model}, {@code find_one} → {@code find-one}. */
final class HttpPaths {

    private HttpPaths() {
    }

    static String normalize(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 4);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '_') {
                out.append('-');
            } else if (Character.isUpperCase(c)) {
                if (i > 0 && (Character.isLowerCase(segment.charAt(i - 1)) || Character.isDigit(segment.charAt(i - 1)))) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
