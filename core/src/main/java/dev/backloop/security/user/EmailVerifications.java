package dev.backloop.security.user;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The verification requests of LoopBack 3's {@code User.prototype.verify}: the app registers a listener that
 * sends the user a link to {@code GET /<users>/confirm?uid=..&token=..}; Backloop needs no mail server.
 */
public final class EmailVerifications {
    /**
     * One verification request.
     *
     * @param model the user model's name
     * @param uid   the user's id, the {@code uid} of the confirm link
     * @param token the {@code token} of the confirm link
     * @param email the address to send it to
     * @param user  the user in wire form (no password)
     */
    public record Request(String model, Object uid, String token, String email, Map<String, Object> user) {
    }

    private final List<Consumer<Request>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} for every verification request. */
    public void onRequest(Consumer<Request> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener is null"));
    }

    void publish(Request request) {
        listeners.forEach(l -> l.accept(request));
    }
}
