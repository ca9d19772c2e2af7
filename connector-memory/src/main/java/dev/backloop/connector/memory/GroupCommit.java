package dev.backloop.connector.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Makes writes durable in groups. Every write to the store gets a version; a writer then waits here until a
 * flush that started after its write has completed. One waiting writer at a time becomes the flusher and
 * writes the newest snapshot, which covers every write finished before it began; the others wait for it.
 * So the file always holds at least everything acknowledged, and under load one file write serves many
 * requests instead of one each.
 */
final class GroupCommit {

    /** Writes the current state of the store to disk. */
    interface Flush {
        void run() throws IOException;
    }

    private final LongSupplier latestVersion;
    private final Flush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private long durableVersion;
    private long flushes;
    private boolean flushing;
    private long failures;
    private long lastFailedTarget = -1;
    private IOException lastFailure;

    /**
     * @param latestVersion the version of the newest write that has finished in memory
     * @param flush         writes a snapshot including at least every write finished before it is called
     */
    GroupCommit(LongSupplier latestVersion, Flush flush) {
        this.latestVersion = latestVersion;
        this.flush = flush;
    }

    /** How many flushes were started, for tests and metrics. */
    long flushes() {
        lock.lock();
        try {
            return flushes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once the write with this version is on disk.
     *
     * @throws UncheckedIOException when the flush that should have covered it failed
     */
    void awaitDurable(long version) {
        lock.lock();
        try {
            long failuresSeen = failures;
            while (durableVersion < version) {
                if (failures != failuresSeen && lastFailedTarget >= version) {
                    throw new UncheckedIOException("Cannot write the memory connector file", lastFailure);
                }
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                flushes++;
                long target = latestVersion.getAsLong();
                IOException error = null;
                lock.unlock();
                try {
                    flush.run();
                } catch (IOException e) {
                    error = e;
                } catch (RuntimeException e) {
                    error = new IOException(e);
                } finally {
                    lock.lock();
                    flushing = false;
                    // waiters wake once this thread releases the lock, after the outcome is recorded below
                    flushed.signalAll();
                }
                if (error == null) {
                    durableVersion = Math.max(durableVersion, target);
                } else {
                    failures++;
                    lastFailedTarget = target;
                    lastFailure = error;
                }
                if (error != null && target >= version) {
                    throw new UncheckedIOException("Cannot write the memory connector file", error);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
