package dev.backloop.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} in datasource settings with environment values, so secrets and URLs stay
 * out of {@code datasources.json}. Works anywhere in a string ({@code "mongodb://${HOST}:27017/db"})
 * and in nested objects and arrays. {@code ${VAR:-default}} falls back to the default when {@code VAR} is
 * unset or empty, as the shell does, so an app runs as is and the environment can still point it elsewhere.
 */
final class VariableSubstitution {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private static final String DEFAULT_SEPARATOR = ":-";

    private final Map<String, String> environment;

    VariableSubstitution(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * {@code value} with every variable replaced.
     *
     * @param dataSource the datasource the value belongs to, for the error message
     * @param key        the setting's key (dotted path for nested ones), for the error message
     * @throws BootException when a variable is not set
     */
    Object substitute(String dataSource, String key, Object value) {
        if (value instanceof String text) {
            return substituteText(dataSource, key, text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), substitute(dataSource, key + "." + k, v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                result.add(substitute(dataSource, key + "[" + i + "]", list.get(i)));
            }
            return result;
        }
        return value;
    }

    private String substituteText(String dataSource, String key, String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            int separator = expression.indexOf(DEFAULT_SEPARATOR);
            String variable = (separator < 0 ? expression : expression.substring(0, separator)).trim();
            String replacement = environment.get(variable);
            if (separator >= 0 && (replacement == null || replacement.isEmpty())) {
                replacement = expression.substring(separator + DEFAULT_SEPARATOR.length());
            }
            if (replacement == null) {
                throw new BootException("Datasource \"" + dataSource + "\": setting \"" + key + "\" uses ${"
                        + variable + "}, but the environment variable " + variable + " is not set");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
