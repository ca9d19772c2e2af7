package dev.backloop.storage;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** Guesses a file's content type from its name, as LoopBack 3's download does with {@code mime}. */
final class ContentTypes {
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("json", "application/json"), Map.entry("js", "application/javascript"),
            Map.entry("css", "text/css"), Map.entry("csv", "text/csv"), Map.entry("svg", "image/svg+xml"),
            Map.entry("webp", "image/webp"), Map.entry("mp4", "video/mp4"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("md", "text/markdown"), Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("html", "text/html"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("xml", "application/xml"));

    private ContentTypes() {
    }

    static String guess(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = EXTRA.get(ext);
        if (type == null) {
            type = URLConnection.getFileNameMap().getContentTypeFor(fileName);
        }
        return type == null ? "application/octet-stream" : type;
    }

    /**
     * The download {@code Content-Type}: text types get {@code charset=utf-8}, as Express's
     * {@code res.type} gave them in LoopBack 3 (else the server would add its default, ISO-8859-1).
     */
    static String forDownload(String fileName) {
        String type = guess(fileName);
        boolean text = type.startsWith("text/") || type.equals("application/json")
                || type.equals("application/javascript") || type.equals("application/xml") || type.endsWith("+xml");
        return text ? type + "; charset=utf-8" : type;
    }

    /** The extension with its dot ({@code ".png"}), or empty. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot);
    }
}
