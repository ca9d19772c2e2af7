package dev.backloop.remoting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a remote call sets on its HTTP answer besides the body: a status and headers. Hooks, handlers
 * (through {@code http.source: "res"}) and {@code http.target} returns write here.
 */
public final class RemoteResponse {
    private int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    /** The status set so far, or 0 for the method's default. */
    public int status() {
        return status;
    }

    public RemoteResponse status(int httpStatus) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + httpStatus);
        }
        this.status = httpStatus;
        return this;
    }

    /** Sets a header, replacing earlier values of the same name (any case). */
    public RemoteResponse header(String name, Object value) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        List<String> values = new ArrayList<>(1);
        values.add(String.valueOf(value));
        headers.put(name, values);
        return this;
    }

    /** The first value of a header (any case), or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public Map<String, List<String>> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
