package dev.backloop.rest;

import java.util.Objects;

/**
 * How the REST layer behaves, from {@code config.json}.
 *
 * @param restApiRoot    where model routes are mounted ({@code /api})
 * @param jsonLimitBytes the largest request body accepted ({@code remoting.json.limit}, LoopBack's 100kb by default)
 * @param production     whether errors hide stacks and 5xx messages
 * @param urlencodedLimitBytes the largest URL-encoded form body ({@code remoting.urlencoded.limit}, 100kb)
 * @param xml            whether responses may be XML when the client prefers it ({@code remoting.rest.xml})
 * @param normalizeHttpPath whether route paths are dash-delimited lower case ({@code remoting.rest.normalizeHttpPath}:
 *                       {@code MyModel} → {@code my-model})
 */
public record RestSettings(String restApiRoot, long jsonLimitBytes, boolean production, long urlencodedLimitBytes,
        boolean xml, boolean normalizeHttpPath) {
    public static final long DEFAULT_JSON_LIMIT = 100 * 1024;

    public RestSettings {
        Objects.requireNonNull(restApiRoot, "restApiRoot is null");
        restApiRoot = normalizeRoot(restApiRoot);
    }

    /** JSON only, with the same limit for every body type and paths as declared. */
    public RestSettings(String restApiRoot, long jsonLimitBytes, boolean production) {
        this(restApiRoot, jsonLimitBytes, production, jsonLimitBytes, false, false);
    }

    /** These settings with the REST API at another root ({@code ""} for routes right below their mount point). */
    public RestSettings withRestApiRoot(String root) {
        return new RestSettings(root, jsonLimitBytes, production, urlencodedLimitBytes, xml, normalizeHttpPath);
    }

    private static String normalizeRoot(String root) {
        String trimmed = root.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    /**
     * Parses a size as body-parser writes it: a number of bytes, or {@code "100kb"}, {@code "1mb"}, ...
     */
    public static long parseSize(Object value) {
        if (value == null) {
            return DEFAULT_JSON_LIMIT;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?$").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: \"" + value + "\" (use a number of bytes, or e.g. 100kb, 1mb)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kb" -> 1024L;
            case "mb" -> 1024L * 1024;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return (long) (amount * factor);
    }
}
