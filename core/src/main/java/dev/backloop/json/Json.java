package dev.backloop.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON configuration of the platform: dates written as JavaScript's {@code toISOString()} does
 * ({@code 2026-11-23T03:21:37.000Z}), so LoopBack clients parse them unchanged.
 */
public final class Json {
    /** Millisecond precision, always three digits, UTC {@code Z}: what LoopBack 3 sends. */
    public static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = create();

    /** Binds model data to Java types: ISO dates to {@link Instant}, properties the type lacks ignored. */
    private static final ObjectMapper BINDER = MAPPER.copy()
            .registerModule(new SimpleModule("backloop-binding").addDeserializer(Instant.class, new InstantDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** The shared mapper; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Model data as a record or POJO, through Jackson: {@code Json.bind(instance.data(), Book.class)}.
     * Properties the type does not declare are ignored (a schema-less record may carry any).
     *
     * @throws IllegalArgumentException when the data does not fit the type
     */
    public static <T> T bind(Object data, Class<T> type) {
        return BINDER.convertValue(MAPPER.valueToTree(data), type);
    }

    private static ObjectMapper create() {
        SimpleModule dates = new SimpleModule("backloop-dates");
        dates.addSerializer(Instant.class, new InstantSerializer());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(dates)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        // request bodies are bounded by the REST layer; this bound guards the parser itself
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build());
        return mapper;
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(parser.getLongValue());
            }
            String text = parser.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(ISO_MILLIS.format(value));
        }
    }
}
