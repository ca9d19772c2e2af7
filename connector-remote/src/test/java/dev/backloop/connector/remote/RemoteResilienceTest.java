package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Retries of idempotent requests with backoff, none for a create, and the bound on requests in flight
 * ({@code maxConnections}), against a fake remote that fails and stalls on demand.
 */
class RemoteResilienceTest {
    private static final ModelDefinition BOOK = ConformanceModels.book();

    @Test
    void aReadIsRetriedUntilTheRemoteRecovers() throws Exception {
        try (FlakyRemote remote = new FlakyRemote(2, 0)) {
            RemoteConnector connector = connector(remote, Map.of("retries", 2, "retryDelay", 1));
            assertThat(connector.find(BOOK, Filter.ALL)).isEmpty();
            assertThat(remote.requests).hasValue(3);
        }
    }

    @Test
    void retriesRunOutWithTheRemotesOwnError() throws Exception {
        try (FlakyRemote remote = new FlakyRemote(5, 0)) {
            RemoteConnector connector = connector(remote, Map.of("retries", 1, "retryDelay", 1));
            assertThatThrownBy(() -> connector.find(BOOK, Filter.ALL)).isInstanceOfSatisfying(HttpError.class,
                    e -> assertThat(e.statusCode()).isEqualTo(503));
            assertThat(remote.requests).hasValue(2);
        }
    }

    @Test
    void aCreateIsNeverSentTwice() throws Exception {
        try (FlakyRemote remote = new FlakyRemote(1, 0)) {
            RemoteConnector connector = connector(remote, Map.of("retries", 3, "retryDelay", 1));
            assertThatThrownBy(() -> connector.create(BOOK, Map.of("title", "Once")))
                    .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(503));
            assertThat(remote.requests).hasValue(1);
        }
    }

    @Test
    void noMoreThanMaxConnectionsRequestsAreInFlight() throws Exception {
        try (FlakyRemote remote = new FlakyRemote(0, 50)) {
            RemoteConnector connector = connector(remote, Map.of("maxConnections", 2));
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(callers.submit(() -> connector.find(BOOK, Filter.ALL)));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(remote.requests).hasValue(16);
            assertThat(remote.mostInFlight.get()).isEqualTo(2);
        }
    }

    @Test
    void aCallerThatWaitsLongerThanTheTimeoutForAConnectionIsA503() throws Exception {
        try (FlakyRemote remote = new FlakyRemote(100, 0)) {
            // the first caller keeps the only connection through its retries (100 + 200 + 400 ms of pauses)
            RemoteConnector connector = connector(remote, Map.of("maxConnections", 1, "timeout", 150, "retries", 3,
                    "retryDelay", 100));
            ExecutorService callers = Executors.newSingleThreadExecutor();
            try {
                Future<?> first = callers.submit(() -> connector.find(BOOK, Filter.ALL));
                while (remote.requests.get() == 0) {
                    Thread.onSpinWait();
                }
                assertThatThrownBy(() -> connector.find(BOOK, Filter.ALL)).isInstanceOfSatisfying(HttpError.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(503);
                            assertThat(e.getMessage()).contains("all 1 connections stayed busy for 150 ms");
                        });
                assertThatThrownBy(first::get).hasMessageContaining("warming up");
                assertThat(remote.requests).hasValue(4);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static RemoteConnector connector(FlakyRemote remote, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(extra);
        values.put("url", remote.url());
        return new RemoteConnector(RemoteSettings.of(new DataSourceSettings("flaky", "remote", values, Path.of("."))));
    }
}
