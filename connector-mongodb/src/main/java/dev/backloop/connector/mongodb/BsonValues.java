package dev.backloop.connector.mongodb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Converts values between the platform's JSON-like types and what the driver stores: {@code Instant} ↔
 * BSON date, maps ↔ documents, {@code BigDecimal} ↔ Decimal128, {@code byte[]} ↔ binary. On the way back
 * ObjectIds become their hex strings (JSON has no ObjectId; LoopBack sent them as such strings) and 32-bit
 * integers become {@code Long}, the platform's integer type.
 */
final class BsonValues {
    private BsonValues() {
    }

    static Object toBson(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((k, v) -> document.put(String.valueOf(k), toBson(v)));
            return document;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(v -> converted.add(toBson(v)));
            return converted;
        }
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof BigInteger integer) {
            return integer.bitLength() < 64 ? (Object) integer.longValue() : new Decimal128(new BigDecimal(integer));
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    static Object fromBson(Object value) {
        if (value instanceof Document document) {
            Map<String, Object> map = new LinkedHashMap<>();
            document.forEach((k, v) -> map.put(k, fromBson(v)));
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(v -> converted.add(fromBson(v)));
            return converted;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Binary binary) {
            return binary.getData();
        }
        return value;
    }
}
