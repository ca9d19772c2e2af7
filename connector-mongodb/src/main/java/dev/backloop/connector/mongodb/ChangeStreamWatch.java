package dev.backloop.connector.mongodb;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import dev.backloop.changes.Change;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.DecoderContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model's MongoDB change stream, read by one daemon thread and turned into LoopBack change events.
 * After a failure (a primary stepping down, a dropped connection) it resumes after the last event it
 * delivered, so none is lost or repeated while the oplog still holds it.
 */
final class ChangeStreamWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeStreamWatch.class);
    private static final long RETRY_MILLIS = 1000;

    private final MongoCollection<Document> collection;
    private final DocumentMapper mapper;
    private final String idName;
    private final Consumer<Change> listener;
    private final Thread reader;
    private volatile boolean closed;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private BsonDocument resumeToken;

    ChangeStreamWatch(MongoCollection<Document> collection, DocumentMapper mapper, String idName,
            Consumer<Change> listener) {
        this.collection = collection;
        this.mapper = mapper;
        this.idName = idName;
        this.listener = listener;
        this.reader = new Thread(this::read, "backloop-mongo-changes-" + collection.getNamespace().getCollectionName());
        reader.setDaemon(true);
    }

    /** Opens the stream before returning, so no change made after this call is missed. */
    ChangeStreamWatch start() {
        cursor = open();
        reader.start();
        return this;
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> open() {
        var stream = collection.watch().fullDocument(FullDocument.UPDATE_LOOKUP).maxAwaitTime(500, TimeUnit.MILLISECONDS);
        return (resumeToken == null ? stream : stream.resumeAfter(resumeToken)).cursor();
    }

    private void read() {
        while (!closed) {
            try {
                if (cursor == null) {
                    cursor = open();
                }
                ChangeStreamDocument<Document> event = cursor.tryNext();
                if (event == null) {
                    continue;
                }
                resumeToken = event.getResumeToken();
                Document key = event.getDocumentKey() == null ? null
                        : new DocumentCodec().decode(event.getDocumentKey().asBsonReader(), DecoderContext.builder().build());
                toChange(event.getOperationTypeString(), key, event.getFullDocument()).ifPresent(listener);
            } catch (MongoException | IllegalStateException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Change stream of {} failed ({}); resuming in {} ms", collection.getNamespace(), e.getMessage(),
                        RETRY_MILLIS);
                closeCursor();
                pause();
            }
        }
    }

    /**
     * A change event as LoopBack sends it, for the operations that change a record; others (drop,
     * rename, invalidate) are not record changes and give nothing.
     *
     * @param key          the event's document key ({@code {_id: ...}})
     * @param fullDocument the document after the change; null for a delete, or an update of a document
     *                     deleted since
     */
    Optional<Change> toChange(String operationType, Document key, Document fullDocument) {
        Object id = key == null ? null : mapper.toRecord(key).get(idName);
        return switch (operationType) {
            case "insert" -> Optional.of(new Change(id, record(fullDocument), "create"));
            case "update", "replace" -> Optional.of(new Change(id, record(fullDocument), "update"));
            case "delete" -> Optional.of(new Change(id, null, "remove"));
            default -> Optional.empty();
        };
    }

    private Map<String, Object> record(Document document) {
        return document == null ? null : mapper.toRecord(document);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void closeCursor() {
        MongoChangeStreamCursor<ChangeStreamDocument<Document>> current = cursor;
        cursor = null;
        if (current != null) {
            try {
                current.close();
            } catch (MongoException e) {
                LOG.debug("Closing the change stream of {}: {}", collection.getNamespace(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeCursor();
    }
}
