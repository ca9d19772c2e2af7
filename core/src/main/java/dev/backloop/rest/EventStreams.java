package dev.backloop.rest;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event streams an app has open. A stream never ends by itself, so a graceful stop would wait for it
 * until its timeout: the app closes them all first.
 */
public final class EventStreams {
    private final Set<EventStreamBody> open = ConcurrentHashMap.newKeySet();

    void add(EventStreamBody stream) {
        open.add(stream);
        stream.onClose(() -> open.remove(stream));
    }

    /** How many streams are open. */
    public int size() {
        return open.size();
    }

    /** Ends every open stream; their clients see the end of the response. */
    public void closeAll() {
        new ArrayList<>(open).forEach(EventStreamBody::close);
    }
}
