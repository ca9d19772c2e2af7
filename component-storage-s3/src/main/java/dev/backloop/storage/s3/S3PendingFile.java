package dev.backloop.storage.s3;

import dev.backloop.storage.ChunkedPendingFile;
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
final class S3PendingFile extends ChunkedPendingFile {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final String acl;
    private final List<CompletedPart> parts = new ArrayList<>();
    private String uploadId;
    private boolean done;

    S3PendingFile(S3Client s3, String bucket, String key, String contentType, String acl, int partSize) {
        super(partSize);
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
        this.acl = acl;
    }

    /** A multipart upload needs at least one part, even for an empty file. */
    @Override
    protected boolean sendsEmptyChunk() {
        return true;
    }

    @Override
    public void commit() throws IOException {
        if (!isClosed() && chunksSent() == 0) {
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
        discard();
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

    /** Sends the chunk as a part, starting the multipart upload with the first one. */
    @Override
    protected void send(ByteBuffer chunk, int number) throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> {
                    b.bucket(bucket).key(key).contentType(contentType);
                    if (acl != null) {
                        b.acl(acl);
                    }
                }).uploadId();
            }
            int length = chunk.limit();
            UploadPartResponse sent = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .partNumber(number).contentLength((long) length), body(chunk, "application/octet-stream"));
            parts.add(CompletedPart.builder().partNumber(number).eTag(sent.eTag()).build());
        } catch (S3Exception e) {
            throw new IOException("S3 refused a part of \"" + key + "\": " + e.getMessage(), e);
        }
    }

    /** The chunk's bytes, read in place (a retry reads them again): no copy of the part. */
    private static RequestBody body(ByteBuffer chunk, String type) {
        byte[] bytes = chunk.hasArray() ? chunk.array() : new byte[0];
        int length = chunk.limit();
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, type);
    }

    /** A file written and committed at once that fits one part: a single PutObject. */
    private void putWhole() throws IOException {
        ByteBuffer whole = pending();
        try {
            s3.putObject(b -> {
                b.bucket(bucket).key(key).contentType(contentType).contentLength((long) whole.limit());
                if (acl != null) {
                    b.acl(acl);
                }
            }, body(whole, contentType));
            done = true;
            discard();
        } catch (S3Exception e) {
            discard();
            throw new IOException("S3 refused \"" + key + "\": " + e.getMessage(), e);
        }
    }
}
