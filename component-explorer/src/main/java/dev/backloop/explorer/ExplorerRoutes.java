package dev.backloop.explorer;

import dev.backloop.explorer.ui.RelativePath;
import dev.backloop.explorer.ui.UiFiles;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.Resource;

/**
 * The explorer's HTTP routes below its mount path: the documents ({@code openapi.json}, {@code openapi.yaml},
 * the Swagger 2.0 {@code swagger.json}) and the UI's files, the mount path itself leading to {@code index.html}.
 */
final class ExplorerRoutes {
    private static final String FILE_PARAM = "file";
    private static final String NOT_FOUND = "{\"error\":{\"statusCode\":404,\"name\":\"Error\",\"message\":\"Not Found\",\"code\":\"NOT_FOUND\"}}";

    private final ExplorerSettings settings;
    private final Map<String, Document> documents;
    private final UiFiles files;

    /** A document served under the mount path: its bytes (built on first use) and media type. */
    record Document(Supplier<byte[]> content, String mediaType) {
    }

    ExplorerRoutes(ExplorerSettings settings, Map<String, Document> documents, UiFiles files) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.documents = Map.copyOf(documents);
        this.files = Objects.requireNonNull(files, "files is null");
    }

    Resource resource() {
        Resource.Builder root = Resource.builder(settings.mountPath());
        root.addMethod("GET").handledBy(new MountHandler());
        root.addChildResource("{" + FILE_PARAM + ": .+}").addMethod("GET").handledBy(new FileHandler());
        return root.build();
    }

    /**
     * The mount path itself redirects to {@code index.html} below it: the page loads its files relative to its
     * own URL, and the REST edge drops trailing slashes, so {@code /explorer/} cannot be told from
     * {@code /explorer}.
     */
    private final class MountHandler implements Inflector<ContainerRequestContext, Response> {
        @Override
        public Response apply(ContainerRequestContext request) {
            if (!settings.swaggerUi()) {
                return notFound();
            }
            String path = request.getUriInfo().getRequestUri().getRawPath().replaceAll("/+$", "");
            return Response.status(302)
                    .location(UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath(path + "/index.html").build())
                    .build();
        }
    }

    private final class FileHandler implements Inflector<ContainerRequestContext, Response> {
        @Override
        public Response apply(ContainerRequestContext request) {
            String name = request.getUriInfo().getPathParameters(true).getFirst(FILE_PARAM);
            Document document = documents.get(name);
            if (document != null) {
                return Response.ok(document.content().get(), document.mediaType())
                        .header("Cache-Control", "no-cache")
                        .header("X-Content-Type-Options", "nosniff")
                        .build();
            }
            return settings.swaggerUi() ? serve(name) : notFound();
        }
    }

    private Response serve(String name) {
        Optional<UiFiles.UiFile> file = RelativePath.parse(name).flatMap(files::find);
        if (file.isEmpty()) {
            return notFound();
        }
        return Response.ok(file.get().content(), file.get().mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Response notFound() {
        return Response.status(404).type("application/json").entity(NOT_FOUND).build();
    }
}
