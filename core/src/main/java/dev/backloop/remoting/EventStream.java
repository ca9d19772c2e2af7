package dev.backloop.remoting;

/**
 * A method result that is a stream of events rather than one value (LoopBack's {@code ReadableStream}
 * returns): REST serves it as {@code text/event-stream}, one {@code data:} line of JSON per event, for as
 * long as the client stays. Holding a stream open costs no thread.
 */
@FunctionalInterface
public interface EventStream {

    /** Starts delivering to {@code sink}; called once the client is connected. Must not block. */
    void open(EventSink sink);

    /** Where a stream's events go. */
    interface EventSink {

        /** Sends one event (written as JSON); returns false once the client is gone. */
        boolean send(Object event);

        /** Whether the client is still there, as far as the last write could tell. */
        boolean isOpen();

        /** Runs {@code action} once when the stream ends, whichever side ends it. */
        void onClose(Runnable action);

        /** Ends the stream. */
        void close();
    }
}
