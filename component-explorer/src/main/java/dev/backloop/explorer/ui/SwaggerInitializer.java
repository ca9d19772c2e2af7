package dev.backloop.explorer.ui;

import java.nio.charset.StandardCharsets;

/**
 * The {@code swagger-initializer.js} Swagger UI's index.html loads: it points the UI at the explorer's own
 * OpenAPI document (a relative URL, so it works behind any proxy prefix) and keeps an access token set with
 * Authorize across reloads. The UI does not take a document URL from the query string
 * ({@code queryConfigEnabled} stays off), so a link cannot make it load someone else's document.
 */
public final class SwaggerInitializer {
    public static final String FILE_NAME = "swagger-initializer.js";

    private SwaggerInitializer() {
    }

    /** @param documentName the document's file name below the mount path ({@code openapi.json}) */
    public static byte[] script(String documentName) {
        String script = """
                window.onload = function () {
                  window.ui = SwaggerUIBundle({
                    url: "%s",
                    dom_id: "#swagger-ui",
                    deepLinking: true,
                    persistAuthorization: true,
                    displayRequestDuration: true,
                    queryConfigEnabled: false,
                    presets: [SwaggerUIBundle.presets.apis],
                    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                    layout: "BaseLayout"
                  });
                };
                """.formatted(documentName);
        return script.getBytes(StandardCharsets.UTF_8);
    }
}
