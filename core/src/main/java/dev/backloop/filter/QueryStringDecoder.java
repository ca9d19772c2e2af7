package dev.backloop.filter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a raw query string the way Express's extended query parser does (the {@code qs} package with
 * its defaults: depth 5, arrayLimit 20, parameterLimit 1000, no dot notation, and Express's
 * {@code allowPrototypes: true}), so that {@code filter[where][price][gt]=5} reaches the filter parser
 * with the same shape as in LoopBack 3. Every scalar is a {@code String}; objects are insertion-ordered
 * {@link LinkedHashMap}s and arrays are {@link List}s.
 *
 * <p>Conflicting shapes are merged exactly as {@code qs} merges them, which is surprising but
 * compatible: {@code a=1&a[b]=2} gives {@code a: ["1", {b: "2"}]} while {@code a[b]=2&a=1} gives
 * {@code a: {b: "2", "1": true}}. Malformed percent escapes never fail: like {@code qs}, the component is
 * then kept as written (with {@code +} still read as a space).
 */
public final class QueryStringDecoder {
    private static final int DEPTH = 5;
    private static final int ARRAY_LIMIT = 20;
    private static final int PARAMETER_LIMIT = 1000;
    private static final Pattern FIRST_BRACKET = Pattern.compile("\\[[^\\[\\]]*]");

    private QueryStringDecoder() {
    }

    /**
     * Decodes a raw, percent-encoded query string (without the leading {@code ?}).
     *
     * @param rawQuery the query string, or {@code null}
     * @return the decoded parameters; empty for a {@code null} or empty query
     */
    public static Map<String, Object> decode(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        String[] parts = rawQuery.split("&", PARAMETER_LIMIT + 1);
        int count = Math.min(parts.length, PARAMETER_LIMIT);
        for (int i = 0; i < count; i++) {
            String part = parts[i];
            // qs splits at "]=" first so that a "=" inside brackets stays part of the key
            int bracketEquals = part.indexOf("]=");
            int pos = bracketEquals == -1 ? part.indexOf('=') : bracketEquals + 1;
            String key;
            String value;
            if (pos == -1) {
                key = decodeComponent(part);
                value = "";
            } else {
                key = decodeComponent(part.substring(0, pos));
                value = decodeComponent(part.substring(pos + 1));
            }
            Object existing = flat.get(key);
            flat.put(key, existing == null ? value : combine(existing, value));
        }
        Object result = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, Object> entry : flat.entrySet()) {
            Object parsed = parseKey(entry.getKey(), entry.getValue());
            if (parsed != null) {
                result = merge(result, parsed);
            }
        }
        Object compacted = compact(result);
        if (compacted instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        // only reachable when a top-level key is "[]": qs would turn that array into an object too
        Map<String, Object> fallback = new LinkedHashMap<>();
        List<?> list = (List<?>) compacted;
        for (int i = 0; i < list.size(); i++) {
            fallback.put(Integer.toString(i), list.get(i));
        }
        return fallback;
    }

    /** {@code +} is a space; a component whose escapes are not valid UTF-8 is kept as written. */
    static String decodeComponent(String text) {
        String withSpaces = text.replace('+', ' ');
        if (withSpaces.indexOf('%') < 0) {
            return withSpaces;
        }
        StringBuilder out = new StringBuilder(withSpaces.length());
        ByteBuffer bytes = ByteBuffer.allocate(withSpaces.length());
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int i = 0;
        try {
            while (i < withSpaces.length()) {
                char c = withSpaces.charAt(i);
                if (c == '%') {
                    bytes.clear();
                    while (i < withSpaces.length() && withSpaces.charAt(i) == '%') {
                        if (i + 2 >= withSpaces.length()) {
                            return withSpaces;
                        }
                        int high = hexDigit(withSpaces.charAt(i + 1));
                        int low = hexDigit(withSpaces.charAt(i + 2));
                        if (high < 0 || low < 0) {
                            return withSpaces;
                        }
                        bytes.put((byte) (high * 16 + low));
                        i += 3;
                    }
                    bytes.flip();
                    CharBuffer chars = decoder.reset().decode(bytes);
                    out.append(chars);
                } else {
                    out.append(c);
                    i++;
                }
            }
        } catch (CharacterCodingException e) {
            return withSpaces;
        }
        return out.toString();
    }

    /** ASCII hex only: {@code Character.digit} would also accept other scripts' digits, which JavaScript refuses. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** qs's {@code combine}: a repeated flat key collects its values into an array. */
    private static Object combine(Object existing, Object value) {
        JsArray array = new JsArray();
        array.concat(existing);
        array.concat(value);
        return array;
    }

    /** Splits a key into its parent and at most {@link #DEPTH} bracket segments, then builds the value. */
    private static Object parseKey(String key, Object value) {
        if (key.isEmpty()) {
            return null;
        }
        Matcher matcher = FIRST_BRACKET.matcher(key);
        List<String> chain = new ArrayList<>();
        boolean found = matcher.find();
        String parent = found ? key.substring(0, matcher.start()) : key;
        if (!parent.isEmpty()) {
            chain.add(parent);
        }
        int segments = 0;
        int restStart = -1;
        while (found) {
            if (segments == DEPTH) {
                restStart = matcher.start();
                break;
            }
            chain.add(matcher.group());
            segments++;
            found = matcher.find();
        }
        if (restStart >= 0) {
            // qs keeps whatever lies beyond the depth limit as one literal key
            chain.add("[" + key.substring(restStart) + "]");
        }
        return buildChain(chain, value);
    }

    private static Object buildChain(List<String> chain, Object value) {
        Object leaf = value;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String root = chain.get(i);
            if (root.equals("[]")) {
                JsArray array = new JsArray();
                array.concat(leaf);
                leaf = array;
                continue;
            }
            boolean bracketed = root.length() >= 2 && root.charAt(0) == '[' && root.charAt(root.length() - 1) == ']';
            String cleanRoot = bracketed ? root.substring(1, root.length() - 1) : root;
            Integer index = bracketed ? arrayIndex(cleanRoot) : null;
            if (index != null && index <= ARRAY_LIMIT) {
                JsArray array = new JsArray();
                array.set(index, leaf);
                leaf = array;
            } else {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put(cleanRoot, leaf);
                leaf = object;
            }
        }
        return leaf;
    }

    /** The index when the text is a canonical non-negative integer (what {@code String(parseInt(x)) === x} accepts). */
    private static Integer arrayIndex(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            return null;
        }
        return Integer.parseInt(text);
    }

    /** qs's {@code utils.merge}, over strings, {@link JsArray}s and maps. */
    @SuppressWarnings("unchecked")
    private static Object merge(Object target, Object source) {
        if (source instanceof String text) {
            if (text.isEmpty()) {
                return target;
            }
            if (target instanceof JsArray array) {
                array.push(text);
                return array;
            }
            if (target instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(text, Boolean.TRUE);
                return map;
            }
            JsArray pair = new JsArray();
            pair.push(target);
            pair.push(text);
            return pair;
        }
        if (target instanceof String) {
            JsArray array = new JsArray();
            array.push(target);
            array.concat(source);
            return array;
        }
        if (target instanceof JsArray targetArray && source instanceof JsArray sourceArray) {
            for (Map.Entry<Integer, Object> entry : sourceArray.entries().entrySet()) {
                int i = entry.getKey();
                Object item = entry.getValue();
                if (targetArray.has(i)) {
                    Object targetItem = targetArray.get(i);
                    if (!(targetItem instanceof String) && !(item instanceof String)) {
                        targetArray.set(i, merge(targetItem, item));
                    } else {
                        targetArray.push(item);
                    }
                } else {
                    targetArray.set(i, item);
                }
            }
            return targetArray;
        }
        Map<String, Object> mergeTarget = target instanceof JsArray array ? array.toObject() : (Map<String, Object>) target;
        Map<String, Object> sourceMap = source instanceof JsArray array ? array.toObject() : (Map<String, Object>) source;
        for (Map.Entry<String, Object> entry : sourceMap.entrySet()) {
            Object current = mergeTarget.get(entry.getKey());
            mergeTarget.put(entry.getKey(), current == null ? entry.getValue() : merge(current, entry.getValue()));
        }
        return mergeTarget;
    }

    /** qs's {@code utils.compact}: sparse arrays become dense lists in index order. */
    @SuppressWarnings("unchecked")
    private static Object compact(Object value) {
        if (value instanceof JsArray array) {
            List<Object> list = new ArrayList<>(array.entries().size());
            for (Object item : array.entries().values()) {
                list.add(compact(item));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> typed = (Map<String, Object>) map;
            typed.replaceAll((key, item) -> compact(item));
            return typed;
        }
        return value;
    }

    /** A JavaScript array with holes, as qs builds them before compacting. */
    private static final class JsArray {
        private final TreeMap<Integer, Object> items = new TreeMap<>();

        int length() {
            return items.isEmpty() ? 0 : items.lastKey() + 1;
        }

        boolean has(int index) {
            return items.containsKey(index);
        }

        Object get(int index) {
            return items.get(index);
        }

        void set(int index, Object value) {
            items.put(index, value);
        }

        void push(Object value) {
            items.put(length(), value);
        }

        /** {@code Array.prototype.concat} of one argument: arrays are spread keeping their holes. */
        void concat(Object value) {
            if (value instanceof JsArray other) {
                int offset = length();
                for (Map.Entry<Integer, Object> entry : other.items.entrySet()) {
                    items.put(offset + entry.getKey(), entry.getValue());
                }
            } else {
                push(value);
            }
        }

        TreeMap<Integer, Object> entries() {
            return items;
        }

        Map<String, Object> toObject() {
            Map<String, Object> object = new LinkedHashMap<>();
            items.forEach((index, value) -> object.put(Integer.toString(index), value));
            return object;
        }
    }
}
