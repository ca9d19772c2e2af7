package dev.backloop.server;

import java.util.List;
import org.eclipse.jetty.server.Handler;

/**
 * What the HTTP server does around every route, from the {@code cors} and {@code compression} entries of
 * LoopBack 3's {@code server/middleware.json}.
 *
 * @param cors        cross-origin settings; {@code null} when CORS is off
 * @param compression response compression settings; {@code null} when compression is off
 */
public record EdgeSettings(Cors cors, Compression compression) {

    /** LoopBack 3's scaffold: CORS reflecting any origin with credentials for a day, compression from 1kb. */
    public static final EdgeSettings SCAFFOLD = new EdgeSettings(Cors.REFLECT_ANY, Compression.DEFAULT);

    /** Nothing around the routes: no CORS headers, no compression. */
    public static final EdgeSettings NONE = new EdgeSettings(null, null);

    /** {@code inner} wrapped in what these settings turn on: compression inside, CORS outside. */
    public Handler around(Handler inner) {
        Handler wrapped = inner;
        if (compression != null) {
            wrapped = Compressions.around(wrapped, compression);
        }
        if (cors != null) {
            wrapped = new CrossOrigin(wrapped, cors);
        }
        return wrapped;
    }

    /**
     * The {@code cors} middleware's params.
     *
     * @param origins        allowed origins; {@code ["*"]} reflects any origin (LoopBack's {@code origin: true})
     * @param credentials    whether {@code Access-Control-Allow-Credentials: true} is sent
     * @param maxAgeSeconds  how long a browser may cache a preflight answer
     * @param exposedHeaders response headers a browser script may read
     */
    public record Cors(List<String> origins, boolean credentials, int maxAgeSeconds, List<String> exposedHeaders) {
        public static final Cors REFLECT_ANY = new Cors(List.of("*"), true, 86400, List.of());

        public Cors {
            origins = List.copyOf(origins);
            exposedHeaders = List.copyOf(exposedHeaders);
        }
    }

    /**
     * The {@code compression} middleware's params.
     *
     * @param thresholdBytes responses smaller than this are sent as they are (Express's 1kb by default)
     */
    public record Compression(int thresholdBytes) {
        public static final Compression DEFAULT = new Compression(1024);

        public Compression {
            if (thresholdBytes < 0) {
                throw new IllegalArgumentException("threshold must not be negative: " + thresholdBytes);
            }
        }
    }
}
