package dev.backloop.connector.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.backloop.error.HttpError;

/**
 * What the driver's exceptions mean to a client. An unreachable database is 503 (the driver reconnects by
 * itself; the client may retry), never a 500 with the driver's message.
 */
final class MongoFailures {
    private MongoFailures() {
    }

    /** Whether the exception says the database cannot be reached (now). */
    static boolean isUnavailable(MongoException e) {
        return e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoConnectionPoolClearedException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException || e instanceof MongoServerUnavailableException
                || e instanceof MongoSecurityException;
    }

    /** A duplicate key on insert, upsert or unique index. */
    static boolean isDuplicateKey(MongoException e) {
        return (e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)
                || e.getCode() == 11000;
    }

    /** Whether a duplicate key error is about {@code _id} rather than another unique index. */
    static boolean onId(MongoException e) {
        // MongoDB 4.2+ names the index's keys; older servers (and the in-process one) only the message
        if (e instanceof MongoWriteException write && write.getError().getDetails().containsKey("keyPattern")) {
            return write.getError().getDetails().getDocument("keyPattern").containsKey("_id");
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("index: _id_ ") || message.contains("{ _id:");
    }

    /** The error a client sees for a driver exception. */
    static RuntimeException translate(MongoException e, String dataSource) {
        if (isUnavailable(e)) {
            return new HttpError(503, "Error", "The database of datasource \"" + dataSource
                    + "\" is unavailable; try again later", "DATABASE_UNAVAILABLE", null, e);
        }
        if (isDuplicateKey(e)) {
            return new HttpError(409, "Error", "A record with the same value of a unique index exists",
                    "DUPLICATE_KEY", null, e);
        }
        return e;
    }
}
