package dev.backloop.connector.mongodb;

import dev.backloop.error.HttpError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/** The ObjectId rules: which strings are ObjectIds, and their conversion. */
final class ObjectIds {
    private static final Pattern HEX24 = Pattern.compile("[0-9a-fA-F]{24}");

    private ObjectIds() {
    }

    static boolean isHex(Object value) {
        return value instanceof String s && HEX24.matcher(s).matches();
    }

    /**
     * The stored form of a value of an ObjectId property: hex strings become ObjectIds (lists element by
     * element); with {@code required}, anything else is refused.
     */
    static Object coerce(Object value, boolean required, String property) {
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(v -> converted.add(coerce(v, required, property)));
            return converted;
        }
        if (isHex(value)) {
            return new ObjectId((String) value);
        }
        if (required && value != null && !(value instanceof ObjectId)) {
            throw new HttpError(400, "BadRequestError", "\"" + value + "\" is not an ObjectID string for "
                    + property, "INVALID_OBJECT_ID", null);
        }
        return value;
    }
}
