package dev.backloop.connector.mongodb;

import dev.backloop.error.HttpError;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps untrusted input from reaching MongoDB as an operator. Field names beginning with {@code $} are
 * refused in data and in where clauses; in update data a model that allows extended operators may use the
 * update operators listed here, never an evaluating one ({@code $where}, {@code $function},
 * {@code $accumulator}, {@code $expr}).
 */
final class OperatorGuard {
    /** Update operators accepted with {@code allowExtendedOperators}. */
    static final Set<String> UPDATE_OPERATORS = Set.of("$set", "$unset", "$inc", "$mul", "$min", "$max",
            "$rename", "$currentDate", "$setOnInsert", "$push", "$addToSet", "$pop", "$pull", "$pullAll");
    /** Modifiers inside {@code $push}/{@code $addToSet} values. */
    private static final Set<String> UPDATE_MODIFIERS = Set.of("$each", "$slice", "$sort", "$position");

    private OperatorGuard() {
    }

    /** Refuses any {@code $} key at any depth of record data. */
    static void checkData(Map<String, Object> data) {
        checkValue(data, false);
    }

    /** Refuses a property path with a segment beginning with {@code $}. */
    static void checkPath(String path) {
        for (String segment : path.split("\\.", -1)) {
            if (segment.startsWith("$") || segment.indexOf('\0') >= 0) {
                throw refused(path);
            }
        }
    }

    /** Refuses {@code $} keys inside a where operand (an object compared for equality, a list of them). */
    static void checkOperand(Object value) {
        checkValue(value, false);
    }

    /** Checks the body of an allowed update operator: field names, and modifiers inside values. */
    static void checkOperatorBody(String operator, Object body) {
        if (!(body instanceof Map<?, ?> fields)) {
            throw HttpError.badRequest("The value of " + operator + " must be an object", "OPERATOR_NOT_ALLOWED");
        }
        boolean modifiers = operator.equals("$push") || operator.equals("$addToSet");
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
            checkPath(String.valueOf(entry.getKey()));
            checkValue(entry.getValue(), modifiers);
        }
    }

    private static void checkValue(Object value, boolean modifiersAllowed) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.startsWith("$") && !(modifiersAllowed && UPDATE_MODIFIERS.contains(key))) {
                    throw refused(key);
                }
                if (key.indexOf('\0') >= 0) {
                    throw refused(key);
                }
                checkValue(entry.getValue(), false);
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                checkValue(element, false);
            }
        }
    }

    static HttpError refused(String key) {
        return HttpError.badRequest("Operator or field name \"" + key + "\" is not allowed", "OPERATOR_NOT_ALLOWED");
    }
}
