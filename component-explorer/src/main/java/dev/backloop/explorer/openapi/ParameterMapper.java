package dev.backloop.explorer.openapi;

import dev.backloop.model.ModelDefinition;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.rest.RestApi.Endpoint;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the {@code accepts} of a route's method to OpenAPI parameters and a request body, following where the
 * REST layer reads each argument: its {@code http.source}, else (as strong-remoting and LoopBack's explorer
 * do) the path when the route names it, the query for GET, a field of the body otherwise.
 */
public final class ParameterMapper {
    /** Set on a request body: the name of the argument it fills, for Swagger 2.0 body parameters and codegen. */
    public static final String BODY_NAME = "x-codegen-request-body-name";

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    /** Headers OpenAPI says a parameter may not describe: content negotiation and the security scheme set them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("accept", "content-type", "authorization");

    private final TypeSchemas types;
    /** Argument names whose object values follow a documented grammar: {@code filter}, {@code where}. */
    private final Map<String, String> describedObjects;

    public ParameterMapper(TypeSchemas types, Map<String, String> describedObjects) {
        this.types = Objects.requireNonNull(types, "types is null");
        this.describedObjects = Map.copyOf(describedObjects);
    }

    /** The parameters and request body of one route. */
    public record Inputs(List<Parameter> parameters, RequestBody requestBody) {
    }

    private enum Location { PATH, QUERY, HEADER, BODY, FORM }

    public Inputs map(Endpoint endpoint) {
        ModelDefinition model = endpoint.sharedClass().model().definition();
        Set<String> pathNames = pathNames(endpoint.path());
        List<Accept> accepts = endpoint.method().accepts().stream().filter(a -> !a.source().isServerSide() && a.mapper() == null).toList();
        boolean wholeBody = accepts.stream().anyMatch(a -> a.source() == HttpSource.BODY);
        boolean queryVerb = "GET".equals(endpoint.route().verb()) || "HEAD".equals(endpoint.route().verb());

        List<Parameter> parameters = new ArrayList<>();
        RequestBody body = null;
        ObjectSchema form = null;
        Set<String> declaredPathNames = new LinkedHashSet<>();
        for (Accept accept : accepts) {
            Location location = locate(accept, pathNames, queryVerb, wholeBody);
            switch (location) {
                case PATH -> {
                    declaredPathNames.add(accept.arg());
                    parameters.add(new Parameter().in("path").name(accept.arg()).required(true)
                            .description(accept.description()).schema(pathSchema(accept, model)));
                }
                case QUERY -> parameters.add(textParameter(accept, "query"));
                case HEADER -> {
                    if (!RESERVED_HEADERS.contains(accept.arg().toLowerCase(java.util.Locale.ROOT))) {
                        parameters.add(textParameter(accept, "header"));
                    }
                }
                case BODY -> {
                    body = new RequestBody().required(accept.required()).description(accept.description())
                            .content(new Content().addMediaType("application/json", new MediaType().schema(bodySchema(accept, model))));
                    body.addExtension(BODY_NAME, accept.arg());
                }
                case FORM -> {
                    if (wholeBody) {
                        // one field of a body that is also taken whole: the whole body already documents it
                        continue;
                    }
                    form = form == null ? new ObjectSchema() : form;
                    Schema<?> field = types.forTypeName(accept.type());
                    if (field.get$ref() == null) {
                        field.setDescription(accept.description());
                    }
                    form.addProperty(accept.arg(), field);
                    if (accept.required()) {
                        form.addRequiredItem(accept.arg());
                    }
                }
            }
        }
        // a path parameter no argument declares: the id of an instance method's route prefix
        for (String name : pathNames) {
            if (!declaredPathNames.contains(name)) {
                parameters.add(new Parameter().in("path").name(name).required(true)
                        .description(model.name() + " id").schema(idSchema(model)));
            }
        }
        if (form != null) {
            body = new RequestBody().required(form.getRequired() != null && !form.getRequired().isEmpty())
                    .content(new Content()
                            .addMediaType("application/json", new MediaType().schema(form))
                            .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form)));
        }
        return new Inputs(parameters, body);
    }

    private static Location locate(Accept accept, Set<String> pathNames, boolean queryVerb, boolean wholeBody) {
        return switch (accept.source()) {
            case PATH -> Location.PATH;
            case QUERY -> Location.QUERY;
            case HEADER -> Location.HEADER;
            case BODY -> Location.BODY;
            case FORM -> Location.FORM;
            case AUTO, REQ, RES, CONTEXT -> pathNames.contains(accept.arg()) ? Location.PATH
                    : queryVerb || wholeBody ? Location.QUERY : Location.FORM;
        };
    }

    /** A query or header parameter: a scalar as is, an object or array as JSON text. */
    private Parameter textParameter(Accept accept, String in) {
        Parameter parameter = new Parameter().in(in).name(accept.arg()).required(accept.required())
                .description(accept.description());
        String described = describedObjects.get(accept.arg());
        Schema<?> schema = described != null && "object".equals(accept.type())
                ? types.reference(described) : types.forTypeName(accept.type());
        if (TypeSchemas.isStructured(schema)) {
            // the value is JSON text (?filter={"where":...}); an empty example keeps Swagger UI from sending
            // an example generated from the schema when the user leaves the field as it is
            parameter.content(new Content().addMediaType("application/json", new MediaType().schema(schema).example(Map.of())));
        } else {
            parameter.schema(schema);
        }
        return parameter;
    }

    private Schema<?> pathSchema(Accept accept, ModelDefinition model) {
        if (accept.arg().equals(model.idName()) || "id".equals(accept.arg())) {
            return "any".equals(accept.type()) ? idSchema(model) : types.forTypeName(accept.type());
        }
        Schema<?> schema = types.forTypeName(accept.type());
        // a path segment is text: anything structured is documented as a string
        return TypeSchemas.isStructured(schema) ? new StringSchema() : schema;
    }

    private Schema<?> idSchema(ModelDefinition model) {
        Schema<?> id = model.idProperty().<Schema<?>>map(p -> types.forType(p.type(), p.itemType(), p.modelType()))
                .orElse(null);
        return id == null || TypeSchemas.isStructured(id) ? new StringSchema() : id;
    }

    /** LoopBack's explorer documents a whole-body {@code data} object as the model's own schema. */
    private Schema<?> bodySchema(Accept accept, ModelDefinition model) {
        if ("data".equals(accept.arg()) && "object".equals(accept.type())) {
            return types.reference(model.name());
        }
        return types.forTypeName(accept.type());
    }

    private static Set<String> pathNames(String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
