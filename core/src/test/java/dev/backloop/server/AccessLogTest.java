package dev.backloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void linesAreWrittenInOrderByTheWriterThread() {
        List<String> written = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        AccessLog log = new AccessLog(16, line -> {
            written.add(line);
            threads.add(Thread.currentThread().getName());
        });
        for (int i = 0; i < 10; i++) {
            log.offer("line " + i);
        }
        log.close();
        assertThat(written).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6",
                "line 7", "line 8", "line 9");
        assertThat(threads).containsOnly("backloop-access-log");
    }

    @Test
    void aWriterThatFallsBehindDropsLinesAndSaysHowMany() throws InterruptedException {
        List<String> written = new CopyOnWriteArrayList<>();
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AccessLog log = new AccessLog(2, line -> {
            if (line.equals("first")) {
                stalled.countDown();
                await(release);
            }
            written.add(line);
        });
        log.offer("first");
        stalled.await();
        // the writer is stuck on "first": two lines fit in the queue, three are dropped
        for (int i = 0; i < 5; i++) {
            log.offer("queued " + i);
        }
        release.countDown();
        log.close();
        assertThat(written).containsExactly("first", "(3 access log lines dropped: the log could not keep up)",
                "queued 0", "queued 1");
    }

    @Test
    void generatedRequestIdsAreVersion4UuidsAndDistinct() {
        UUID id = UUID.fromString(RequestIds.randomId());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(RequestIds.randomId()).isNotEqualTo(RequestIds.randomId());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
