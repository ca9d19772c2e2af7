package dev.backloop.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code backloop.access} logger: request id, method, path and query, status,
 * bytes written and milliseconds. Turn it off by setting that logger's level above INFO.
 *
 * <p>Lines are written by one background thread, not by the request threads: a logger that writes to a
 * console under a lock (slf4j-simple does) made every request queue behind it under load. When the
 * writer falls {@value #CAPACITY} lines behind, new lines are dropped and counted, and the count is
 * logged once it catches up, as an asynchronous appender does.
 */
final class AccessLog implements RequestLog, AutoCloseable {
    static final int CAPACITY = 8192;
    private static final Logger LOG = LoggerFactory.getLogger("backloop.access");

    private final BlockingQueue<String> lines;
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<String> sink;
    private final Thread writer;

    AccessLog() {
        this(CAPACITY, line -> LOG.info(line));
    }

    /** @param sink where lines go, from the writer thread */
    AccessLog(int capacity, Consumer<String> sink) {
        // separate locks for offering and taking: request threads never wait on the writer
        this.lines = new LinkedBlockingQueue<>(capacity);
        this.sink = sink;
        this.writer = new Thread(this::write, "backloop-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String query = request.getHttpURI().getQuery();
        long millis = (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000;
        offer(RequestIds.of(request) + " " + request.getMethod() + " " + request.getHttpURI().getPath()
                + (query == null ? "" : "?" + query) + " " + response.getStatus() + " "
                + Response.getContentBytesWritten(response) + "B " + millis + "ms");
    }

    /** Queues a line for the writer; drops and counts it when the writer is too far behind. */
    void offer(String line) {
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        try {
            while (true) {
                writeOne(lines.take());
            }
        } catch (InterruptedException e) {
            // closed: the lines still queued are written before the thread ends
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                writeOne(line);
            }
        }
    }

    private void writeOne(String line) {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            sink.accept("(" + lost + " access log lines dropped: the log could not keep up)");
        }
        sink.accept(line);
    }

    /** Stops the writer once the queued lines are written. */
    @Override
    public void close() {
        writer.interrupt();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
