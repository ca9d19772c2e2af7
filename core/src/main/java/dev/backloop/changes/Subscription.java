package dev.backloop.changes;

/** An open subscription to a {@link ChangeFeed}; closing it stops the calls. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
