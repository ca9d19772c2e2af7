package dev.backloop.storage.s3;

import dev.backloop.storage.PendingFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A file streamed to S3 as a multipart upload: bytes fill one part-sized buffer, each full buffer is sent
 * as a part, so the heap holds one part whatever the file's size. The object appears only when the upload
 * is completed ({@link #commit()}); {@link #abort()} aborts it, and S3 keeps nothing. A file written and
 * committed at once (the Java {@code uploadStream}) that fits one part is a single {@code PutObject}.
 */
final class S3PendingFile implements PendingFile {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final String acl;
    private final int partSize;
    private final List<CompletedPart> parts = new ArrayList<>();
    private ByteBuffer buffer;
    private String uploadId;
    private boolean closed;
    private boolean done;

    S3PendingFile(S3Client s3, String bucket, String key, String contentType, String acl, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
        this.acl = acl;
        this.partSize = partSize;
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        if (closed) {
            throw new IOException("The file is closed");
        }
        while (bytes.hasRemaining()) {
            if (buffer == null) {
                buffer = ByteBuffer.allocate(partSize);
            }
            int n = Math.min(bytes.remaining(), buffer.remaining());
            buffer.put(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            if (!buffer.hasRemaining()) {
                sendPart();
            }
        }
    }

    /** Sends what is buffered as the last part, so no buffer is held until commit. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (uploadId == null || buffer != null && buffer.position() > 0) {
            sendPart();
        }
        buffer = null;
    }

    @Override
    public void commit() throws IOException {
        if (!closed && uploadId == null) {
            putWhole();
            return;
        }
        close();
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            done = true;
        } catch (S3Exception e) {
            throw new IOException("S3 refused to complete the upload of \"" + key + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public void abort() {
        buffer = null;
        closed = true;
        if (done || uploadId == null) {
            return;
        }
        done = true;
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException ignored) {
            // the upload is invisible either way; a bucket lifecycle rule can expire what is left
        }
    }

    private void sendPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> {
                    b.bucket(bucket).key(key).contentType(contentType);
                    if (acl != null) {
                        b.acl(acl);
                    }
                }).uploadId();
            }
            int number = parts.size() + 1;
            int length = buffer == null ? 0 : buffer.position();
            UploadPartResponse sent = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumber(number).contentLength((long) length), body(length, "application/octet-stream"));
            parts.add(CompletedPart.builder().partNumber(number).eTag(sent.eTag()).build());
            if (buffer != null) {
                buffer.clear();
            }
        } catch (S3Exception e) {
            throw new IOException("S3 refused a part of \"" + key + "\": " + e.getMessage(), e);
        }
    }

    /** The buffered bytes, read in place (a retry reads them again): no copy of the part. */
    private RequestBody body(int length, String type) {
        byte[] bytes = buffer == null ? new byte[0] : buffer.array();
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, type);
    }

    private void putWhole() throws IOException {
        closed = true;
        int length = buffer == null ? 0 : buffer.position();
        try {
            s3.putObject(b -> {
                b.bucket(bucket).key(key).contentType(contentType).contentLength((long) length);
                if (acl != null) {
                    b.acl(acl);
                }
            }, body(length, contentType));
            done = true;
            buffer = null;
        } catch (S3Exception e) {
            throw new IOException("S3 refused \"" + key + "\": " + e.getMessage(), e);
        }
    }
}
