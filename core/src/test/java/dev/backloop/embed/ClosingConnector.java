package dev.backloop.embed;

import dev.backloop.relation.TableConnector;

/** An in-memory connector that remembers being started and closed. */
final class ClosingConnector extends TableConnector {
    boolean started;
    boolean closed;

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
