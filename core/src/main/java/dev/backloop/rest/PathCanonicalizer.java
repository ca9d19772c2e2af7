package dev.backloop.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites a request path so that its literal segments have the spelling of the registered routes.
 * Express (and so LoopBack 3) matches paths case-insensitively and ignores a trailing slash; Jersey does
 * neither, so requests are canonicalised before Jersey matches them: {@code /API/Books/FindOne/} becomes
 * {@code /api/books/findOne}. Parameter segments (ids) keep their case.
 */
final class PathCanonicalizer {
    private final Node root = new Node();

    /** Registers a route template such as {@code /api/books/{id}/exists}. */
    void add(String template) {
        Node node = root;
        for (String segment : segments(template)) {
            if (segment.startsWith("{")) {
                node = node.param == null ? (node.param = new Node()) : node.param;
            } else {
                node = node.literals.computeIfAbsent(segment.toLowerCase(Locale.ROOT), k -> new Node(segment));
            }
        }
        node.terminal = true;
    }

    /**
     * The canonical spelling of a raw (still percent-encoded) path, or the path without its trailing slash
     * when no route matches.
     */
    String canonicalize(String rawPath) {
        List<String> segments = segments(rawPath);
        List<String> out = new ArrayList<>(segments.size());
        if (!walk(root, segments, 0, out)) {
            return "/" + String.join("/", segments);
        }
        return "/" + String.join("/", out);
    }

    private boolean walk(Node node, List<String> segments, int index, List<String> out) {
        if (index == segments.size()) {
            return node.terminal;
        }
        String segment = segments.get(index);
        Node literal = node.literals.get(segment.toLowerCase(Locale.ROOT));
        if (literal != null) {
            out.add(literal.spelling);
            if (walk(literal, segments, index + 1, out)) {
                return true;
            }
            out.remove(out.size() - 1);
        }
        if (node.param != null) {
            out.add(segment);
            if (walk(node.param, segments, index + 1, out)) {
                return true;
            }
            out.remove(out.size() - 1);
        }
        return false;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    private static final class Node {
        final String spelling;
        final Map<String, Node> literals = new LinkedHashMap<>();
        Node param;
        boolean terminal;

        Node() {
            this(null);
        }

        Node(String spelling) {
            this.spelling = spelling;
        }
    }
}
