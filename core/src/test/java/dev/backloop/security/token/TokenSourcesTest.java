package dev.backloop.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.remoting.RemoteRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenSourcesTest {
    private static RemoteRequest request(Map<String, String> headers, Map<String, Object> query) {
        return new RemoteRequest() {
            public String verb() {
                return "GET";
            }

            public URI uri() {
                return URI.create("http://127.0.0.1/api/Notes");
            }

            public String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }

            public Map<String, List<String>> headers() {
                return Map.of();
            }

            public Map<String, String> pathParams() {
                return Map.of();
            }

            public Map<String, Object> query() {
                return query;
            }

            public Object body() {
                return null;
            }

            public Object unwrap() {
                return null;
            }
        };
    }

    @Test
    void readsEachSourceInLoopBacksOrder() {
        assertThat(TokenSources.read(request(Map.of("Authorization", "abc"), Map.of()))).isEqualTo("abc");
        assertThat(TokenSources.read(request(Map.of("Authorization", "Bearer abc"), Map.of()))).isEqualTo("abc");
        assertThat(TokenSources.read(request(Map.of("X-Access-Token", "x", "Authorization", "y"), Map.of())))
                .isEqualTo("x");
        assertThat(TokenSources.read(request(Map.of("X-Access-Token", "x"), Map.of("access_token", "q"))))
                .isEqualTo("q");
        assertThat(TokenSources.read(request(Map.of(), Map.of()))).isNull();
    }
}
