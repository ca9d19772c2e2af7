package dev.backloop.connector.memory;

import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The records a where clause can match: when it requires {@code id = x} (alone or in a top-level and), the
 * one record with that key, so finding, updating or deleting by id costs a lookup instead of a scan.
 * Callers still test the whole where on what this returns.
 */
final class IdLookup {

    private IdLookup() {
    }

    static Collection<Map<String, Object>> candidates(ModelStore store, ModelDefinition model, Where where) {
        StoredRecord single = lookupById(store, model, where);
        if (single != null) {
            return List.of(single.data);
        }
        return idEquality(where, model.idName()) != null && usesTypedIds(model) ? List.of() : store.data();
    }

    static Collection<StoredRecord> candidateRecords(ModelStore store, ModelDefinition model, Where where) {
        StoredRecord single = lookupById(store, model, where);
        if (single != null) {
            return List.of(single);
        }
        return idEquality(where, model.idName()) != null && usesTypedIds(model) ? List.of() : store.records.values();
    }

    /** With {@code where} requiring id = x, the record with that id, so the query skips the scan. */
    private static StoredRecord lookupById(ModelStore store, ModelDefinition model, Where where) {
        if (!usesTypedIds(model)) {
            return null;
        }
        Object id = idEquality(where, model.idName());
        if (id == null) {
            return null;
        }
        return store.records.get(IdKey.of(id, IdKey.typeOf(model)));
    }

    // with an untyped id, "3" and 3 are different keys but loosely equal values; only scans are exact then
    private static boolean usesTypedIds(ModelDefinition model) {
        PropertyType type = IdKey.typeOf(model);
        return type == PropertyType.NUMBER || type == PropertyType.STRING;
    }

    private static Object idEquality(Where where, String idName) {
        if (where instanceof Where.Condition c) {
            return isIdEquality(c, idName) ? c.value() : null;
        }
        if (where instanceof Where.And and) {
            for (Where clause : and.clauses()) {
                if (clause instanceof Where.Condition c && isIdEquality(c, idName)) {
                    return c.value();
                }
            }
        }
        return null;
    }

    private static boolean isIdEquality(Where.Condition c, String idName) {
        return c.operator() == Operator.EQ && c.property().equals(idName)
                && (c.value() instanceof Number || c.value() instanceof String);
    }
}
