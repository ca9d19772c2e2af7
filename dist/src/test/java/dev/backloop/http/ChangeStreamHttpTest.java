package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.changes.ChangeFeed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code /change-stream} as LoopBack 3 serves it: server-sent events of create, update and remove. */
class ChangeStreamHttpTest extends LibraryHttpTest {
    static ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    static HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();

    @AfterAll
    static void stop() {
        clientThreads.shutdownNow();
    }

    /** An SSE client: collects the lines of one stream; {@link #events} parses its data lines. */
    static final class Stream implements Flow.Subscriber<String> {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        volatile Flow.Subscription subscription;

        static Stream open(String path, String method, String body) {
            Stream stream = new Stream();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.server.uri() + path))
                    .header("Accept", "text/event-stream");
            if (body != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream));
            return stream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
            lines.add("!error " + throwable);
        }

        @Override
        public void onComplete() {
            lines.add("!closed");
        }

        /** Waits for the server's first comment: the subscription is in place. */
        Stream connected() throws InterruptedException {
            assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo(":ok");
            return this;
        }

        /** The next {@code data:} event, skipping blank lines and comments. */
        JsonNode next() throws InterruptedException, IOException {
            while (true) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                assertThat(line).as("an event within 30 s").isNotNull();
                if (line.startsWith("data: ")) {
                    return HttpClientSupport.JSON.readTree(line.substring(6));
                }
                assertThat(line).doesNotStartWith("!");
            }
        }

        void close() {
            subscription.cancel();
        }
    }

    @Test
    void createUpdateAndRemoveArriveInOrder() throws Exception {
        Stream stream = Stream.open("/api/Notes/change-stream", "GET", null).connected();
        String id = http.post("/api/Notes", "{\"text\":\"hello\",\"rank\":1}").json().get("id").asText();
        http.patch("/api/Notes/" + id, "{\"rank\":2}");
        http.delete("/api/Notes/" + id);

        JsonNode created = stream.next();
        assertThat(created.get("type").asText()).isEqualTo("create");
        assertThat(created.get("target").asText()).isEqualTo(id);
        assertThat(created.get("data").get("text").asText()).isEqualTo("hello");
        JsonNode updated = stream.next();
        assertThat(updated.get("type").asText()).isEqualTo("update");
        assertThat(updated.get("data").get("rank").asInt()).isEqualTo(2);
        JsonNode removed = stream.next();
        assertThat(removed.get("type").asText()).isEqualTo("remove");
        assertThat(removed.get("target").asText()).isEqualTo(id);
        stream.close();
    }

    @Test
    void optionsWhereFiltersTheChanges() throws Exception {
        Stream stream = Stream.open("/api/Notes/change-stream", "POST",
                "{\"options\":{\"where\":{\"rank\":{\"gt\":5}}}}").connected();
        http.post("/api/Notes", "{\"text\":\"low\",\"rank\":1}");
        http.post("/api/Notes", "{\"text\":\"high\",\"rank\":10}");
        assertThat(stream.next().get("data").get("text").asText()).isEqualTo("high");
        stream.close();
        Stream byQuery = Stream.open("/api/Notes/change-stream?options=" + HttpClientSupport.q(
                "{\"where\":{\"text\":\"only\"}}"), "GET", null).connected();
        http.post("/api/Notes", "{\"text\":\"other\"}");
        http.post("/api/Notes", "{\"text\":\"only\"}");
        assertThat(byQuery.next().get("data").get("text").asText()).isEqualTo("only");
        byQuery.close();
    }

    @Test
    void aBadWhereIs400() {
        assertThat(http.get("/api/Notes/change-stream?options=" + HttpClientSupport.q("{\"where\":{\"$where\":1}}"))
                .status()).isEqualTo(400);
    }

    @Test
    void aClientThatLeavesIsForgotten() throws Exception {
        // Memo has a feed of its own, which no other test subscribes to
        ChangeFeed feed = ChangeFeed.of(app.app.model("Memo"));
        assertThat(feed.subscriberCount()).isZero();
        Stream stream = Stream.open("/api/Memos/change-stream", "GET", null).connected();
        assertThat(feed.subscriberCount()).isEqualTo(1);
        stream.close();
        // the server learns of it when a write to the stream fails: keep changing data until it does
        for (int i = 0; i < 200 && feed.subscriberCount() > 0; i++) {
            http.post("/api/Memos", "{\"text\":\"nudge\"}");
            Thread.sleep(50);
        }
        assertThat(feed.subscriberCount()).isZero();
    }

    @Test
    void closingTheAppEndsItsStreamsInsteadOfWaitingForThem() throws Exception {
        AppUnderTest own = AppUnderTest.library(tempDir.resolve("closing"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(own.server.uri() + "/api/Notes/change-stream")).build();
        Stream stream = new Stream();
        client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        stream.connected();
        own.close();
        // a stream left open would hold the graceful stop for its 30 s timeout; a closed one ends at once
        List<String> rest = new ArrayList<>();
        for (String line = stream.lines.poll(20, TimeUnit.SECONDS); line != null;
                line = stream.lines.poll(20, TimeUnit.SECONDS)) {
            rest.add(line);
            if (line.startsWith("!")) {
                break;
            }
        }
        assertThat(rest).as("the response ended, with no event").isNotEmpty().last().asString().startsWith("!");
        assertThat(rest).noneMatch(line -> line.startsWith("data:"));
    }

    @Test
    void aThousandIdleSubscribersHoldNoThreadEach() throws Exception {
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            streams.add(Stream.open("/api/Notes/change-stream", "GET", null));
        }
        for (Stream stream : streams) {
            stream.connected();
        }
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        assertThat(threads).as("threads with 1,000 open streams (server and client in this JVM)").isLessThan(300);

        http.post("/api/Notes", "{\"text\":\"broadcast\"}");
        for (Stream stream : streams) {
            assertThat(stream.next().get("data").get("text").asText()).isEqualTo("broadcast");
        }
        streams.forEach(Stream::close);
    }
}
