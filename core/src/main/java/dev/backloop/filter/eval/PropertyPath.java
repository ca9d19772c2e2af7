package dev.backloop.filter.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dotted property path ({@code address.city}) split once, for reading values out of nested maps.
 * A numeric segment indexes into a list, as a JavaScript property access on an array does.
 */
public final class PropertyPath {
    private final String text;
    private final String[] segments;

    private PropertyPath(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses a dotted path; a path without dots is one segment. */
    public static PropertyPath of(String path) {
        Objects.requireNonNull(path, "path is null");
        return new PropertyPath(path, path.split("\\.", -1));
    }

    /** The path as written. */
    public String text() {
        return text;
    }

    /** Whether the path has more than one segment. */
    public boolean isDotted() {
        return segments.length > 1;
    }

    /** The first segment alone. */
    PropertyPath head() {
        return new PropertyPath(segments[0], new String[] {segments[0]});
    }

    /** Everything after the first segment; only for dotted paths. */
    PropertyPath rest() {
        String[] rest = new String[segments.length - 1];
        System.arraycopy(segments, 1, rest, 0, rest.length);
        return new PropertyPath(text.substring(segments[0].length() + 1), rest);
    }

    /**
     * The value at this path, or {@code null} when any step is missing or null. Steps through maps, and
     * through lists only by numeric index.
     */
    public Object get(Object root) {
        Object current = root;
        for (String segment : segments) {
            current = step(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /**
     * Whether the last segment names a present key (its value may be null). Lists of maps on the way are
     * searched element by element, as LoopBack does for embedded relations.
     */
    public boolean isPresent(Object root) {
        return isPresent(root, 0);
    }

    private boolean isPresent(Object current, int index) {
        if (current instanceof Map<?, ?> map) {
            String segment = segments[index];
            if (!map.containsKey(segment)) {
                return false;
            }
            return index == segments.length - 1 || isPresent(map.get(segment), index + 1);
        }
        if (current instanceof List<?> list) {
            int position = listIndex(segments[index]);
            if (position >= 0) {
                if (position >= list.size()) {
                    return false;
                }
                return index == segments.length - 1 || isPresent(list.get(position), index + 1);
            }
            for (Object element : list) {
                if (isPresent(element, index)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object step(Object current, String segment) {
        if (current instanceof Map<?, ?> map) {
            return map.get(segment);
        }
        if (current instanceof List<?> list) {
            int position = listIndex(segment);
            return position >= 0 && position < list.size() ? list.get(position) : null;
        }
        return null;
    }

    private static int listIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        // "01" is not an array index in JavaScript either
        if (segment.length() > 1 && segment.charAt(0) == '0') {
            return -1;
        }
        return Integer.parseInt(segment);
    }

    @Override
    public String toString() {
        return text;
    }
}
