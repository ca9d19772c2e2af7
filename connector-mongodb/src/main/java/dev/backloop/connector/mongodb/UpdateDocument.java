package dev.backloop.connector.mongodb;

import dev.backloop.error.HttpError;
import java.util.Map;
import org.bson.Document;

/**
 * The update document for a patch: plain properties go into {@code $set} (the id never changes); a model
 * that allows extended operators may also send LoopBack's {@code $inc}, {@code $push}, ... as top-level
 * keys, checked against {@link OperatorGuard#UPDATE_OPERATORS}.
 */
final class UpdateDocument {
    private UpdateDocument() {
    }

    /** The update, or an empty document when there is nothing to change. */
    static Document of(ModelMapping mapping, DocumentMapper mapper, Map<String, Object> changes) {
        mapper.rejectRawId(changes);
        Document set = new Document();
        Document update = new Document();
        for (Map.Entry<String, Object> entry : changes.entrySet()) {
            String key = entry.getKey();
            if (key.equals(mapping.idName())) {
                continue;
            }
            if (key.startsWith("$")) {
                if (!mapping.allowExtendedOperators() || !OperatorGuard.UPDATE_OPERATORS.contains(key)) {
                    throw OperatorGuard.refused(key);
                }
                OperatorGuard.checkOperatorBody(key, entry.getValue());
                Document body = key.equals("$set") ? set : new Document();
                ((Map<?, ?>) entry.getValue()).forEach((field, value) -> {
                    String path = String.valueOf(field);
                    if (path.equals(mapping.idName()) || path.equals(ModelMapping.ID_FIELD)) {
                        throw HttpError.badRequest("The id property \"" + path + "\" cannot be updated");
                    }
                    body.put(mapping.fieldPath(path), path.contains(".") ? BsonValues.toBson(value)
                            : mapper.storedValue(path, value));
                });
                if (body != set) {
                    update.put(key, body);
                }
                continue;
            }
            OperatorGuard.checkPath(key);
            OperatorGuard.checkOperand(entry.getValue());
            set.put(mapping.field(key), mapper.storedValue(key, entry.getValue()));
        }
        if (!set.isEmpty()) {
            update.put("$set", set);
        }
        return update;
    }
}
