package dev.backloop.spi;

/** A running component; closed when its app closes. */
public interface Component extends AutoCloseable {

    /** A component that holds nothing to release. */
    Component NONE = () -> { };

    /** Releases what the component holds (threads, clients); must not throw for an already closed one. */
    @Override
    void close();
}
