package dev.backloop.validation;

import dev.backloop.types.TypeConversion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads LoopBack's GeoPoint forms: {@code {"lat": 1, "lng": 2}} or the text {@code "1,2"}. */
final class GeoPoints {

    private GeoPoints() {
    }

    static Optional<Map<String, Object>> read(Object value) {
        if (value instanceof Map<?, ?> map) {
            return point(map.get("lat"), map.get("lng"));
        }
        if (value instanceof String text) {
            String[] parts = text.split(",", -1);
            return parts.length == 2 ? point(parts[0].trim(), parts[1].trim()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Map<String, Object>> point(Object lat, Object lng) {
        Optional<Double> latitude = degrees(lat, 90);
        Optional<Double> longitude = degrees(lng, 180);
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("lat", latitude.get());
        point.put("lng", longitude.get());
        return Optional.of(point);
    }

    private static Optional<Double> degrees(Object value, double limit) {
        return Optional.ofNullable(value)
                .flatMap(TypeConversion::toNumber)
                .map(n -> ((Number) n).doubleValue())
                .filter(d -> d >= -limit && d <= limit);
    }
}
