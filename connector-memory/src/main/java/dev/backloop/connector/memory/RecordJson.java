package dev.backloop.connector.memory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as the JSON text LoopBack's memory connector stores ({@code JSON.stringify}): compact, dates as
 * {@code 2026-11-23T03:21:37.000Z} (milliseconds, UTC), integral doubles without a fraction, non-finite
 * numbers as null. Reading keeps integers as Long.
 */
final class RecordJson {
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    RecordJson() {
        SimpleModule module = new SimpleModule("backloop-memory-file");
        module.addSerializer(Instant.class, new InstantSerializer());
        module.addSerializer(Double.class, new DoubleSerializer());
        mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .addModule(module)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    String write(Map<String, Object> record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialize a record for the memory file", e);
        }
    }

    LinkedHashMap<String, Object> read(String json) throws IOException {
        return mapper.readValue(json, MAP);
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(ISO_MILLIS.format(value));
        }
    }

    private static final class DoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            double d = value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                gen.writeNull();
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                gen.writeNumber((long) d);
            } else if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                gen.writeNumber(new BigDecimal(d).toPlainString());
            } else {
                gen.writeNumber(d);
            }
        }
    }
}
