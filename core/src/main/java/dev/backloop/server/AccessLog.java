package dev.backloop.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code backloop.access} logger: request id, method, path and query, status,
 * bytes written and milliseconds. Turn it off by setting that logger's level above INFO.
 */
final class AccessLog implements RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("backloop.access");

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String query = request.getHttpURI().getQuery();
        long millis = (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000;
        LOG.info("{} {} {}{} {} {}B {}ms", RequestIds.of(request), request.getMethod(),
                request.getHttpURI().getPath(), query == null ? "" : "?" + query, response.getStatus(),
                Response.getContentBytesWritten(response), millis);
    }
}
