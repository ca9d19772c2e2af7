package dev.backloop.storage;

import dev.backloop.remoting.RemoteRequest;
import java.util.Map;

/**
 * LoopBack 3's {@code getFilename(fileInfo, req, res)} option: chooses the stored name of an uploaded
 * file. It sees the part's {@code container}, {@code name} (the client's file name), {@code type} and
 * {@code field}. The returned name is checked like any other (400 when it is not a plain name), and
 * {@code nameConflict: "makeUnique"} still applies afterwards, keeping its extension.
 *
 * <pre>{@code
 * ((StorageConnector) app.dataSource("storage").connector())
 *         .getFilename((file, req) -> req.header("X-User") + "-" + file.get("name"));
 * }</pre>
 */
@FunctionalInterface
public interface FilenameHook {
    String filename(Map<String, Object> fileInfo, RemoteRequest request);
}
