package dev.backloop.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a part's {@code Content-Disposition} parameters; {@code filename*} (RFC 5987) wins over {@code filename}. */
final class Disposition {
    private static final Pattern PARAM = Pattern.compile(";\\s*([\\w*.-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;]*)");

    private Disposition() {
    }

    static Map<String, String> parse(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        if (header == null) {
            return params;
        }
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2).trim();
            params.put(key, value);
        }
        String extended = params.remove("filename*");
        if (extended != null) {
            int quote = extended.indexOf("''");
            String encoded = quote < 0 ? extended : extended.substring(quote + 2);
            params.put("filename", URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return params;
    }
}
