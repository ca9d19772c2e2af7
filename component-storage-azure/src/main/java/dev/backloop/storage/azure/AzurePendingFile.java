package dev.backloop.storage.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.backloop.storage.ChunkedPendingFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A file streamed to a block blob: bytes fill one block-sized buffer, each full buffer is staged as an
 * uncommitted block, so the heap holds one block whatever the file's size. The blob appears (or is
 * replaced) only when the block list is committed ({@link #commit()}); aborted, the staged blocks are
 * never committed and Azure discards them.
 */
final class AzurePendingFile extends ChunkedPendingFile {
    private final BlockBlobClient blob;
    private final String contentType;
    /** Unique to this upload, so concurrent uploads of one name never mix blocks; block ids share one length. */
    private final String uploadId = UUID.randomUUID().toString();
    private final List<String> blocks = new ArrayList<>();

    AzurePendingFile(BlockBlobClient blob, String contentType, int blockSize) {
        super(blockSize);
        this.blob = blob;
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
    }

    @Override
    public void commit() throws IOException {
        close();
        try {
            blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(blocks)
                    .setHeaders(new BlobHttpHeaders().setContentType(contentType)), null, null);
        } catch (BlobStorageException e) {
            throw new IOException("Azure refused to commit \"" + blob.getBlobName() + "\": " + e.getErrorCode(), e);
        }
    }

    /** Nothing to send: uncommitted blocks are invisible and expire on their own. */
    @Override
    public void abort() {
        discard();
    }

    /** Stages the chunk as an uncommitted block. */
    @Override
    protected void send(ByteBuffer chunk, int number) throws IOException {
        String id = Base64.getEncoder().encodeToString(String.format("%s-%06d", uploadId, number)
                .getBytes(StandardCharsets.US_ASCII));
        try {
            blob.stageBlock(id, BinaryData.fromByteBuffer(chunk)); // sent in place, no copy
        } catch (BlobStorageException e) {
            throw new IOException("Azure refused a block of \"" + blob.getBlobName() + "\": " + e.getErrorCode(), e);
        }
        blocks.add(id);
    }
}
