package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A remote datasource with no url is the app's own REST API, as in LoopBack 3: {@code BookView} (plural
 * {@code Books}, on the {@code self} datasource) reads the app's own {@code Book} routes once it listens.
 */
class RemoteOwnAppTest {

    @Test
    void aRemoteWithNoUrlReadsTheAppsOwnRestApi() {
        try (App app = AppBooter.boot(BackendApp.fixture("selfclient"), "test", Map.of())) {
            app.model("Book").create(Map.of("title", "Local"));
            assertThatThrownBy(() -> app.model("BookView").find(Filter.ALL)).isInstanceOfSatisfying(HttpError.class, e -> {
                assertThat(e.statusCode()).isEqualTo(503);
                assertThat(e.getMessage()).contains("has no url").contains("not listening yet");
            });
            app.listen("127.0.0.1", 0);
            assertThat(app.model("BookView").find(Filter.ALL)).extracting(b -> b.get("title")).containsExactly("Local");
            app.model("BookView").create(Map.of("title", "Through REST"));
            assertThat(app.model("Book").count(null)).isEqualTo(2);
        }
    }
}
