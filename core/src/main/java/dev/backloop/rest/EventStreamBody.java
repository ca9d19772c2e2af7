package dev.backloop.rest;

import dev.backloop.json.Json;
import dev.backloop.remoting.EventStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * Serves an {@link EventStream} as {@code text/event-stream} on a Jersey {@link ChunkedOutput}: the request is
 * suspended, so an open stream holds a connection but no thread. Events are written by one shared sender
 * thread, never by the thread that produced them (a slow client cannot stall a write of the data it
 * watches). A comment line every {@link #HEARTBEAT_SECONDS} keeps proxies from closing an idle stream and
 * finds clients that left.
 */
final class EventStreamBody implements EventStream.EventSink {
    static final long HEARTBEAT_SECONDS = 15;
    private static final ScheduledExecutorService SENDER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "backloop-event-streams");
        thread.setDaemon(true);
        return thread;
    });

    private final ChunkedOutput<byte[]> output = new ChunkedOutput<>(byte[].class);
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> heartbeat;

    private EventStreamBody() {
        heartbeat = SENDER.scheduleAtFixedRate(() -> write(":\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** The entity to answer with; the stream starts once the headers are out. */
    static ChunkedOutput<byte[]> serve(EventStream stream, EventStreams streams) {
        EventStreamBody body = new EventStreamBody();
        streams.add(body);
        // subscribe, then a first comment: it sends the headers at once, and once the client reads it the
        // subscription is in place; events raised meanwhile queue behind it on the sender
        SENDER.execute(() -> {
            stream.open(body);
            body.write(":ok\n\n");
        });
        return body.output;
    }

    @Override
    public boolean send(Object event) {
        if (!open.get()) {
            return false;
        }
        String line = "data: " + new String(Json.toBytes(event), StandardCharsets.UTF_8) + "\n\n";
        SENDER.execute(() -> write(line));
        return true;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void onClose(Runnable action) {
        closeActions.add(action);
        if (!open.get()) {
            action.run();
        }
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            heartbeat.cancel(false);
            try {
                output.close();
            } catch (IOException e) {
                // the client is gone already
            }
            closeActions.forEach(Runnable::run);
        }
    }

    /** Writes on the sender thread; a failed write means the client left, which ends the stream. */
    private boolean write(String text) {
        if (!open.get()) {
            return false;
        }
        try {
            output.write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }
}
