package dev.backloop.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void writersArrivingDuringAFlushShareTheNextOne() throws Exception {
        AtomicLong version = new AtomicLong();
        CountDownLatch firstFlushEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        GroupCommit commit = new GroupCommit(version::get, () -> {
            if (first.getAndSet(false)) {
                firstFlushEntered.countDown();
                try {
                    releaseFirstFlush.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        });
        long v1 = version.incrementAndGet();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> commit.awaitDurable(v1));
        assertThat(firstFlushEntered.await(10, TimeUnit.SECONDS)).isTrue();
        long v2 = version.incrementAndGet();
        long v3 = version.incrementAndGet();
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> commit.awaitDurable(v2));
        CompletableFuture<Void> c = CompletableFuture.runAsync(() -> commit.awaitDurable(v3));
        Thread.sleep(100);
        assertThat(b).isNotDone();
        releaseFirstFlush.countDown();
        CompletableFuture.allOf(a, b, c).get(10, TimeUnit.SECONDS);
        assertThat(commit.flushes()).isEqualTo(2);
        // already durable: no further flush
        commit.awaitDurable(v3);
        assertThat(commit.flushes()).isEqualTo(2);
    }

    @Test
    void aFailedFlushFailsTheWritersItCoveredAndALaterFlushRetries() {
        AtomicLong version = new AtomicLong();
        AtomicBoolean broken = new AtomicBoolean(true);
        GroupCommit commit = new GroupCommit(version::get, () -> {
            if (broken.get()) {
                throw new IOException("disk full");
            }
        });
        long v1 = version.incrementAndGet();
        assertThatThrownBy(() -> commit.awaitDurable(v1))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk full");
        broken.set(false);
        commit.awaitDurable(v1);
        assertThat(commit.flushes()).isEqualTo(2);
    }
}
