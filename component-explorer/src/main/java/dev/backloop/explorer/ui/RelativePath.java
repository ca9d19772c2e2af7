package dev.backloop.explorer.ui;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file name below the explorer's mount path, checked before any lookup: plain segments of letters, digits,
 * {@code .}, {@code _} and {@code -}, none of them {@code .} or {@code ..}. Anything else (parent segments,
 * backslashes, percent signs left after decoding, NUL, drive letters) matches no file at all, so no request
 * can name a file outside the UI's own directories.
 */
public final class RelativePath {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final List<String> segments;

    private RelativePath(List<String> segments) {
        this.segments = segments;
    }

    /** The path, decoded once already, or empty when it is not a safe relative file name. */
    public static Optional<RelativePath> parse(String decoded) {
        if (decoded == null || decoded.isEmpty() || decoded.length() > 512) {
            return Optional.empty();
        }
        List<String> segments = List.of(decoded.split("/", -1));
        for (String segment : segments) {
            // the first character may not be a dot: no ".", no "..", no hidden files
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new RelativePath(segments));
    }

    public List<String> segments() {
        return segments;
    }

    /** The segments joined with {@code /}. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }

    /** The name of the last segment, for the media type. */
    public String fileName() {
        return segments.get(segments.size() - 1);
    }
}
