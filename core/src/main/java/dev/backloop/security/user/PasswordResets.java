package dev.backloop.security.user;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * LoopBack's {@code resetPasswordRequest} event: the app registers a listener that sends the user the
 * reset token (by mail or otherwise); Backloop needs no mail server.
 */
public final class PasswordResets {
    /** A reset token lives 15 minutes, as LoopBack's default {@code resetPasswordTokenTTL}. */
    static final long TTL = 900;

    /** One reset request: the address, the token to send, and the user in wire form. */
    public record Request(String email, String accessToken, Map<String, Object> user) {
    }

    private final List<Consumer<Request>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} for every reset request. */
    public void onRequest(Consumer<Request> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    void publish(Request request) {
        listeners.forEach(l -> l.accept(request));
    }
}
