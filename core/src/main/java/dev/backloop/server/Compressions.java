package dev.backloop.server;

import org.eclipse.jetty.compression.Compression;
import org.eclipse.jetty.compression.brotli.BrotliCompression;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Response compression: gzip always, brotli where its native library loads (the client's choice wins). */
final class Compressions {
    private static final Logger LOG = LoggerFactory.getLogger(Compressions.class);

    private Compressions() {
    }

    static Handler around(Handler inner, EdgeSettings.Compression settings) {
        CompressionHandler handler = new CompressionHandler(inner);
        handler.putCompression(configured(new GzipCompression(), settings));
        brotli().ifPresent(br -> handler.putCompression(configured(br, settings)));
        // gzip/br request bodies are inflated too, as body-parser does; the body size limit applies to the
        // inflated bytes, so a small compressed bomb still ends in 413
        // event streams are never compressed: a compressor holds small events back until its buffer fills
        handler.putConfiguration("/*", CompressionConfig.builder().defaults()
                .compressExcludeMimeType("text/event-stream").build());
        return handler;
    }

    private static Compression configured(Compression compression, EdgeSettings.Compression settings) {
        compression.setMinCompressSize(settings.thresholdBytes());
        return compression;
    }

    private static java.util.Optional<Compression> brotli() {
        try {
            return java.util.Optional.of(new BrotliCompression());
        } catch (LinkageError | RuntimeException e) {
            // brotli4j ships natives for a few platforms only; gzip still works everywhere
            LOG.info("brotli compression unavailable on this platform: {}", e.toString());
            return java.util.Optional.empty();
        }
    }
}
