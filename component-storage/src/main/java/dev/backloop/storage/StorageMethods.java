package dev.backloop.storage;

import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The remote methods of a model attached to a storage datasource: LoopBack 3's storage service methods,
 * with its names, routes and result shapes.
 */
final class StorageMethods {
    private static final Accept CONTAINER = Accept.of("container", "string", HttpSource.PATH).asRequired();
    private static final Accept FILE = Accept.of("file", "string", HttpSource.PATH).asRequired();

    private StorageMethods() {
    }

    static void addTo(SharedClass shared, StorageConnector connector) {
        StorageService store = connector.store();
        shared.add(method("getContainers", "get", "/", "READ").returns(Return.root("containers", "array"))
                .handler(inv -> store.getContainers()).build());
        shared.add(method("createContainer", "post", "/", "WRITE")
                .accepts(Accept.of("options", "object", HttpSource.BODY))
                .returns(Return.root("container", "object"))
                .handler(inv -> store.createContainer(name(inv.objectArg("options")))).build());
        shared.add(method("destroyContainer", "delete", "/:container", "WRITE").accepts(CONTAINER)
                .returns(Return.root("result", "object"))
                .handler(inv -> {
                    store.destroyContainer(string(inv, "container"));
                    return Map.of();
                }).build());
        shared.add(method("getContainer", "get", "/:container", "READ").accepts(CONTAINER)
                .returns(Return.root("container", "object"))
                .handler(inv -> store.getContainer(string(inv, "container"))).build());
        shared.add(method("getFiles", "get", "/:container/files", "READ").accepts(CONTAINER)
                .returns(Return.root("files", "array"))
                .handler(inv -> store.getFiles(string(inv, "container"))).build());
        shared.add(method("getFile", "get", "/:container/files/:file", "READ").accepts(CONTAINER).accepts(FILE)
                .returns(Return.root("file", "object"))
                .handler(inv -> store.getFile(string(inv, "container"), string(inv, "file"))).build());
        shared.add(method("removeFile", "delete", "/:container/files/:file", "WRITE").accepts(CONTAINER).accepts(FILE)
                .returns(Return.root("result", "object"))
                .handler(inv -> {
                    store.removeFile(string(inv, "container"), string(inv, "file"));
                    return Map.of();
                }).build());
        shared.add(method("upload", "post", "/:container/upload", "WRITE").accepts(CONTAINER)
                .returns(Return.property("result", "object"))
                .handler(inv -> upload(inv, connector)).build());
        shared.add(method("download", "get", "/:container/download/:file", "READ").accepts(CONTAINER).accepts(FILE)
                .returns(Return.root("body", "file"))
                .returns(Return.header("Content-Type", "string", "Content-Type"))
                .handler(inv -> download(inv, store)).build());
    }

    private static SharedMethod.Builder method(String name, String verb, String path, String accessType) {
        return SharedMethod.builder(name).route(verb, path).accessType(accessType);
    }

    private static Object upload(Invocation inv, StorageConnector connector) {
        String container = string(inv, "container");
        StorageNames.check("container", container);
        connector.store().getContainer(container); // 404 before reading the body
        ContainerRequestContext request = (ContainerRequestContext) inv.request().unwrap();
        FilenameHook hook = connector.filenameHook();
        UploadParts parts = new UploadParts(connector.store(), container, connector.options(),
                hook == null ? null : info -> hook.filename(info, inv.request()));
        // the single named return wraps it: {"result": {"files": ..., "fields": ...}}
        return MultipartUpload.receive(request.getEntityStream(), inv.request().header("Content-Type"), parts);
    }

    private static Object download(Invocation inv, StorageService store) {
        String container = string(inv, "container");
        String name = string(inv, "file");
        StorageNames.check("container", container);
        StorageNames.check("file", name);
        return Download.serve(inv, store, container, name);
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 form. */
    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String name(Map<String, Object> options) {
        Object name = options == null ? null : options.get("name");
        return name == null ? null : String.valueOf(name);
    }

    private static String string(Invocation inv, String arg) {
        Object value = inv.arg(arg);
        return value == null ? null : String.valueOf(value);
    }
}
