package dev.backloop.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;

/** Applies {@link PathCanonicalizer} to every request before Jersey matches it. */
@PreMatching
@Priority(100)
final class CanonicalPathFilter implements ContainerRequestFilter {
    private final PathCanonicalizer canonicalizer;

    CanonicalPathFilter(PathCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        URI base = request.getUriInfo().getBaseUri();
        String basePath = withoutTrailingSlashes(base.getRawPath());
        String rawPath = uri.getRawPath();
        String relative = rawPath.startsWith(basePath) ? rawPath.substring(basePath.length()) : rawPath;
        String canonical = canonicalizer.canonicalize(relative);
        if (!canonical.equals(relative)) {
            String query = uri.getRawQuery();
            request.setRequestUri(base, URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + basePath + canonical
                    + (query == null ? "" : "?" + query)));
        }
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
