package dev.backloop.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentResolverTest {
    private static Map<String, Object> resolve(Accept accept, Map<String, String> path, Map<String, Object> query,
            Object body) {
        return ArgumentResolver.resolve(List.of(accept), new ArgumentResolver.Sources(path, query, body, Map.of()));
    }

    private static Object query(String type, Object value) {
        return resolve(Accept.of("x", type, HttpSource.QUERY), Map.of(), Map.of("x", value), null).get("x");
    }

    @Test
    void scalarsAreCoercedFromQueryText() {
        assertThat(query("number", "42")).isEqualTo(42L);
        assertThat(query("number", "4.5")).isEqualTo(4.5);
        assertThat(query("boolean", "true")).isEqualTo(true);
        assertThat(query("boolean", "0")).isEqualTo(false);
        assertThat(query("string", "abc")).isEqualTo("abc");
        assertThat(query("date", "2026-11-23T03:21:37.000Z")).isEqualTo(Instant.parse("2026-11-23T03:21:37Z"));
        assertThat(query("array", "[1,2]")).isEqualTo(List.of(1, 2));
        assertThat(query("array", "a")).isEqualTo(List.of("a"));
    }

    @Test
    void objectsComeAsStringifiedJsonOrAsQsMaps() {
        assertThat(query("object", "{\"where\":{\"a\":1}}")).isEqualTo(Map.of("where", Map.of("a", 1)));
        assertThat(query("object", Map.of("where", Map.of("a", "1")))).isEqualTo(Map.of("where", Map.of("a", "1")));
        assertThat(query("object", "")).isNull();
    }

    @Test
    void wrongShapesAre400() {
        assertThatThrownBy(() -> query("number", "abc")).isInstanceOf(HttpError.class)
                .hasMessage("Invalid value for argument 'x' of type 'number': \"abc\" is not a number.");
        assertThatThrownBy(() -> query("number", "Infinity")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> query("string", List.of("a", "b")))
                .hasMessage("Invalid value for argument 'x' of type 'string': an array is not a string.");
        assertThatThrownBy(() -> query("string", Map.of("neq", "x")))
                .hasMessage("Invalid value for argument 'x' of type 'string': an object is not a string.");
        assertThatThrownBy(() -> query("object", "{oops")).isInstanceOf(HttpError.class)
                .hasMessageStartingWith("Invalid value for argument 'x' of type 'object': \"{oops\" is not valid JSON");
        assertThatThrownBy(() -> query("object", List.of("{}", "{}")))
                .hasMessage("Invalid value for argument 'x' of type 'object': an array is not an object.");
        assertThatThrownBy(() -> query("boolean", "maybe")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> query("date", "yesterday")).isInstanceOf(HttpError.class);
        HttpError error = (HttpError) org.assertj.core.api.Assertions.catchThrowable(() -> query("number", "x"));
        assertThat(error.statusCode()).isEqualTo(400);
    }

    @Test
    void requiredArgumentsMustBePresent() {
        Accept id = Accept.of("id", "any", HttpSource.PATH).asRequired();
        assertThatThrownBy(() -> resolve(id, Map.of(), Map.of(), null)).hasMessage("id is a required argument");
    }

    @Test
    void autoSourceLooksInPathThenBodyThenQuery() {
        Accept x = Accept.of("x", "any", HttpSource.AUTO);
        assertThat(resolve(x, Map.of("x", "p"), Map.of("x", "q"), Map.of("x", "b")).get("x")).isEqualTo("p");
        assertThat(resolve(x, Map.of(), Map.of("x", "q"), Map.of("x", "b")).get("x")).isEqualTo("b");
        assertThat(resolve(x, Map.of(), Map.of("x", "q"), null).get("x")).isEqualTo("q");
    }

    @Test
    void aBodyArgumentMayBeAnArray() {
        Accept data = Accept.of("data", "object", HttpSource.BODY);
        assertThat(resolve(data, Map.of(), Map.of(), List.of(Map.of())).get("data")).isEqualTo(List.of(Map.of()));
        Accept filter = Accept.of("filter", "object", HttpSource.QUERY);
        assertThatThrownBy(() -> resolve(filter, Map.of(), Map.of("filter", List.of(Map.of())), null))
                .isInstanceOf(HttpError.class);
    }

    private static Object json(String type, Object value) {
        return ArgumentResolver.resolve(List.of(Accept.of("x", type, HttpSource.AUTO)),
                new ArgumentResolver.Sources(Map.of(), Map.of(), Map.of("x", value), Map.of(), true, null)).get("x");
    }

    @Test
    void jsonBodyValuesMustAlreadyBeOfTheType() {
        assertThat(json("number", 3)).isEqualTo(3);
        assertThat(json("boolean", false)).isEqualTo(false);
        assertThat(json("date", "2026-11-23T00:00:00Z")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThatThrownBy(() -> json("number", "3")).isInstanceOf(HttpError.class)
                .hasMessage("Invalid value for argument 'x' of type 'number': \"3\" is not a number.");
        assertThatThrownBy(() -> json("boolean", "true")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> json("string", 1)).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> json("object", "{}")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> json("[number]", List.of("1"))).isInstanceOf(HttpError.class);
    }

    @Test
    void defaultsFillAbsentArgumentsAndHeadersAreTheLastLookup() {
        Accept n = Accept.of("n", "number", HttpSource.QUERY).withDefault(5);
        assertThat(resolve(n, Map.of(), Map.of(), null).get("n")).isEqualTo(5);
        Accept token = Accept.of("x-token", "string", HttpSource.AUTO);
        assertThat(ArgumentResolver.resolve(List.of(token), new ArgumentResolver.Sources(Map.of(), Map.of(), null,
                Map.of("x-token", "t"))).get("x-token")).isEqualTo("t");
    }

    @Test
    void typedArraysCoerceTheirItems() {
        assertThat(query("[number]", List.of("1", "2.5"))).isEqualTo(List.of(1L, 2.5));
        assertThat(query("[boolean]", "true")).isEqualTo(List.of(true));
        assertThatThrownBy(() -> query("[number]", List.of("x"))).isInstanceOf(HttpError.class);
    }
}
