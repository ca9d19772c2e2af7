package dev.backloop.storage;

import dev.backloop.error.HttpError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * The parts of one upload, as the parser reports them. A file part is written to a {@link PendingFile}
 * of the provider; once the whole body is read every file is committed ({@link #commit}), so a failed
 * upload leaves no file, partial or whole, and replaces none.
 * Failures are recorded, not thrown, as the parser calls back.
 */
final class UploadParts implements MultiPart.Parser.Listener {
    /** Form fields are small; their total is bounded so they cannot fill the heap. */
    private static final int FIELDS_LIMIT = 1024 * 1024;

    private final StorageService store;
    private final String container;
    private final StorageOptions options;
    /** The {@code getFilename} hook bound to the request, or null. */
    private final Function<Map<String, Object>, String> namer;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, List<Object>> files = new LinkedHashMap<>();
    private final Map<String, List<Object>> fields = new LinkedHashMap<>();
    /** Complete files of this request, committed only once the whole body is read. */
    private final List<PendingFile> pending = new ArrayList<>();
    private RuntimeException failure;
    private boolean complete;
    private int fieldBytes;
    // the part being read: a file or a field (text)
    private PendingFile file;
    private Map<String, Object> fileInfo;
    private ByteArrayOutputStream text;
    private String fieldName;
    private long size;

    UploadParts(StorageService store, String container, StorageOptions options,
            Function<Map<String, Object>, String> namer) {
        this.store = store;
        this.container = container;
        this.options = options;
        this.namer = namer;
    }

    RuntimeException failure() {
        return failure;
    }

    boolean complete() {
        return complete;
    }

    void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** LoopBack 3's upload result: files and fields by field name, each an array. */
    Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", files);
        result.put("fields", fields);
        return result;
    }

    @Override
    public void onPartBegin() {
        headers.clear();
    }

    @Override
    public void onPartHeader(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public void onPartHeaders() {
        guard(this::beginPart);
    }

    @Override
    public void onPartContent(Content.Chunk chunk) {
        ByteBuffer buffer = chunk.getByteBuffer();
        guard(() -> write(buffer));
    }

    @Override
    public void onPartEnd() {
        guard(this::endPart);
    }

    @Override
    public void onComplete() {
        complete = true;
    }

    @Override
    public void onFailure(Throwable cause) {
        fail(new HttpError(400, "BadRequestError", "Malformed multipart body: " + cause.getMessage(),
                "MULTIPART_MALFORMED", null));
    }

    /** Gives every complete file its name; called once the body has been read without failure. */
    void commit() {
        try {
            for (PendingFile f : pending) {
                f.commit();
            }
            pending.clear();
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException(e);
        }
    }

    /** Discards the file being written and every complete file not yet committed. */
    void discard() {
        if (file != null) {
            file.abort();
            file = null;
        }
        pending.forEach(PendingFile::abort);
        pending.clear();
    }

    private void beginPart() throws IOException {
        Map<String, String> disposition = Disposition.parse(headers.get("content-disposition"));
        fieldName = disposition.getOrDefault("name", "");
        String original = disposition.get("filename");
        size = 0;
        if (original == null) {
            text = new ByteArrayOutputStream();
            return;
        }
        text = null;
        if (original.isEmpty()) {
            return; // a file input left empty: no file
        }
        StorageNames.check("file", original);
        String type = headers.getOrDefault("content-type", ContentTypes.guess(original));
        if (!options.allows(type)) {
            throw new HttpError(415, "UnsupportedMediaTypeError", "contentType \"" + type + "\" is not allowed (Must be in ["
                    + String.join(", ", options.allowedContentTypes()) + "])", "CONTENT_TYPE_NOT_ALLOWED", null);
        }
        String name = original;
        if (namer != null) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("container", container);
            info.put("name", original);
            info.put("type", type);
            info.put("field", fieldName);
            name = namer.apply(info);
            StorageNames.check("file", name);
        }
        if (options.makeUnique()) {
            name = UUID.randomUUID() + ContentTypes.extension(name);
        }
        StorageNames.check("file", name);
        file = store.upload(container, name, type);
        fileInfo = new LinkedHashMap<>();
        fileInfo.put("container", container);
        fileInfo.put("name", name);
        fileInfo.put("type", type);
        fileInfo.put("field", fieldName);
        fileInfo.put("originalFilename", original);
    }

    private void write(ByteBuffer buffer) throws IOException {
        if (text != null) {
            fieldBytes += buffer.remaining();
            if (fieldBytes > FIELDS_LIMIT) {
                throw new HttpError(413, "PayloadTooLargeError", "The form fields exceed " + FIELDS_LIMIT + " bytes",
                        "entity.too.large", null);
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            text.write(bytes);
            return;
        }
        if (file == null) {
            return;
        }
        size += buffer.remaining();
        if (options.maxFileSize() >= 0 && size > options.maxFileSize()) {
            throw new HttpError(413, "PayloadTooLargeError", "maxFileSize exceeded, received " + size
                    + " bytes of field data (max is " + options.maxFileSize() + ")", "MAX_FILE_SIZE_EXCEEDED", null);
        }
        file.write(buffer);
    }

    private void endPart() throws IOException {
        if (text != null) {
            fields.computeIfAbsent(fieldName, k -> new ArrayList<>()).add(text.toString(StandardCharsets.UTF_8));
            text = null;
            return;
        }
        if (file == null) {
            return;
        }
        file.close();
        pending.add(file);
        file = null;
        fileInfo.put("size", size);
        files.computeIfAbsent(fieldName, k -> new ArrayList<>()).add(fileInfo);
    }

    private void guard(IoStep step) {
        if (failure != null) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            fail(e);
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        }
    }

    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }
}
