package dev.backloop.rest;

import dev.backloop.error.HttpError;
import dev.backloop.filter.QueryStringDecoder;
import dev.backloop.remoting.AccessGuard;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LoopBack's {@code currentUserLiteral} ({@code "loopback#token": {"params": {"currentUserLiteral": "me"}}}):
 * before routes are matched, every path segment equal to the literal becomes the id of the user whose
 * access token the request carries ({@code GET /api/Users/me} is {@code GET /api/Users/42}); a request
 * naming the literal with no valid token is 401. Runs before {@link CanonicalPathFilter}.
 */
@PreMatching
@Priority(90)
final class CurrentUserLiteralFilter implements ContainerRequestFilter {
    private final AccessGuard guard;
    private final Pattern segment;

    CurrentUserLiteralFilter(AccessGuard guard, String literal) {
        this.guard = guard;
        this.segment = Pattern.compile("/" + Pattern.quote(literal) + "(?=/|$)");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        Matcher matcher = segment.matcher(path);
        if (!matcher.find()) {
            return;
        }
        String rawQuery = uri.getRawQuery();
        Map<String, Object> query = rawQuery == null ? Map.of() : QueryStringDecoder.decode(rawQuery);
        // the body is not read here: a token sent only in the body does not stand for the literal
        Optional<AccessGuard.Caller> caller = guard.caller(new JaxRsRequest(request, Map.of(), query, null));
        if (caller.isEmpty()) {
            throw new HttpError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null);
        }
        Object userId = caller.get().userId();
        if (userId == null) {
            // a token of no user: LoopBack leaves the path as it is
            return;
        }
        String id = URLEncoder.encode(String.valueOf(userId), StandardCharsets.UTF_8).replace("+", "%20");
        String rewritten = matcher.replaceAll(Matcher.quoteReplacement("/" + id));
        request.setRequestUri(request.getUriInfo().getBaseUri(), URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                + rewritten + (rawQuery == null ? "" : "?" + rawQuery)));
    }
}
