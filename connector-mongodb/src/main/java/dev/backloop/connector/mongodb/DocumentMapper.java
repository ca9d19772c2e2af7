package dev.backloop.connector.mongodb;

import dev.backloop.filter.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** Turns records into documents and back, with {@link ModelMapping}'s names and ObjectId rules. */
final class DocumentMapper {
    private final ModelMapping mapping;

    DocumentMapper(ModelMapping mapping) {
        this.mapping = mapping;
    }

    /** The document to store for a record; refuses {@code $} keys at any depth. */
    Document toDocument(Map<String, Object> data) {
        OperatorGuard.checkData(data);
        rejectRawId(data);
        Document document = new Document();
        Object id = data.get(mapping.idName());
        if (id != null) {
            document.put(ModelMapping.ID_FIELD, storedValue(mapping.idName(), id));
        }
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            if (!entry.getKey().equals(mapping.idName())) {
                document.put(mapping.field(entry.getKey()), storedValue(entry.getKey(), entry.getValue()));
            }
        }
        return document;
    }

    /** {@code _id} is written only through the id property, so a client cannot bypass {@code forceId}. */
    void rejectRawId(Map<String, Object> data) {
        if (!mapping.idName().equals(ModelMapping.ID_FIELD) && data.containsKey(ModelMapping.ID_FIELD)) {
            throw OperatorGuard.refused(ModelMapping.ID_FIELD);
        }
    }

    /** The stored form of one top-level property's value. */
    Object storedValue(String property, Object value) {
        if (mapping.holdsObjectIds(property)) {
            value = ObjectIds.coerce(value, mapping.requiresObjectIds(property), property);
        }
        return BsonValues.toBson(value);
    }

    /** The record a document holds, the id first. */
    Map<String, Object> toRecord(Document document) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (document.containsKey(ModelMapping.ID_FIELD)) {
            record.put(mapping.idName(), BsonValues.fromBson(document.get(ModelMapping.ID_FIELD)));
        }
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            if (!entry.getKey().equals(ModelMapping.ID_FIELD)) {
                record.put(mapping.property(entry.getKey()), BsonValues.fromBson(entry.getValue()));
            }
        }
        return record;
    }

    /** The projection of a filter's fields, or {@code null} for every field. */
    Document projection(Fields fields) {
        if (fields.isAll()) {
            return null;
        }
        Document projection = new Document();
        if (!fields.included().isEmpty()) {
            for (String property : fields.included()) {
                OperatorGuard.checkPath(property);
                projection.put(mapping.fieldPath(property), 1);
            }
            // MongoDB returns _id unless told not to
            if (!fields.included().contains(mapping.idName())) {
                projection.put(ModelMapping.ID_FIELD, 0);
            }
            return projection;
        }
        for (String property : fields.excluded()) {
            OperatorGuard.checkPath(property);
            projection.put(mapping.fieldPath(property), 0);
        }
        return projection;
    }
}
