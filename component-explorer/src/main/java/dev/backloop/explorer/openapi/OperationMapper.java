package dev.backloop.explorer.openapi;

import dev.backloop.remoting.ResultCheck;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedMethod;
import dev.backloop.rest.RestApi.Endpoint;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Objects;

/**
 * Maps one served route to an OpenAPI operation: tag, summary, operation id, inputs (through
 * {@link ParameterMapper}) and responses (the {@code returns} mapping, the success status, LoopBack's errors).
 */
public final class OperationMapper {
    private final TypeSchemas types;
    private final ParameterMapper parameters;

    public OperationMapper(TypeSchemas types, ParameterMapper parameters) {
        this.types = Objects.requireNonNull(types, "types is null");
        this.parameters = Objects.requireNonNull(parameters, "parameters is null");
    }

    /**
     * @param routesOfMethod how many routes the endpoint's method serves: a method with several gets LoopBack's
     *                       long operation ids ({@code Todo.replaceById__put_Todos_{id}}) so that each is unique
     */
    public Operation map(Endpoint endpoint, int routesOfMethod) {
        SharedMethod method = endpoint.method();
        String modelName = endpoint.sharedClass().name();
        String operationId = modelName + "." + method.stringName();
        if (routesOfMethod > 1) {
            operationId += "__" + endpoint.route().verb().toLowerCase(java.util.Locale.ROOT)
                    + endpoint.path().replaceAll("[/:]+", "_");
        }
        ParameterMapper.Inputs inputs = parameters.map(endpoint);
        Operation operation = new Operation()
                .addTagsItem(modelName)
                .summary(method.description())
                .description(method.notes())
                .operationId(operationId)
                .requestBody(inputs.requestBody())
                .responses(responses(endpoint, inputs));
        inputs.parameters().forEach(operation::addParametersItem);
        return operation;
    }

    private ApiResponses responses(Endpoint endpoint, ParameterMapper.Inputs inputs) {
        SharedMethod method = endpoint.method();
        List<Return> returns = method.returns();
        int status = method.status() != 0 ? method.status() : returns.isEmpty() ? 204 : 200;
        ApiResponse success = new ApiResponse().description("Request was successful");
        // HEAD answers carry no body, and neither does 204
        if (!returns.isEmpty() && status != 204 && !"HEAD".equals(endpoint.route().verb())) {
            success.content(new Content().addMediaType("application/json", new MediaType().schema(resultSchema(returns))));
        }
        ApiResponses responses = new ApiResponses().addApiResponse(String.valueOf(status), success);
        if (!inputs.parameters().isEmpty() || inputs.requestBody() != null) {
            responses.addApiResponse("400", ErrorSchema.response("The arguments are malformed or of the wrong type"));
        }
        if (!method.isStatic() || method.resultCheck() != ResultCheck.NONE) {
            responses.addApiResponse("404", ErrorSchema.response("No such instance (code MODEL_NOT_FOUND)"));
        }
        if (inputs.requestBody() != null && bodyIsModel(inputs)) {
            responses.addApiResponse("422", ErrorSchema.response("The data is invalid (ValidationError)"));
        }
        responses.addApiResponse("default", ErrorSchema.response("Unexpected error"));
        return responses;
    }

    private static boolean bodyIsModel(ParameterMapper.Inputs inputs) {
        return inputs.requestBody().getContent().values().stream()
                .anyMatch(media -> TypeSchemas.referencedModel(media.getSchema()).isPresent());
    }

    /** strong-remoting's response: a root return is the whole body, other returns are its properties. */
    private Schema<?> resultSchema(List<Return> returns) {
        if (returns.size() == 1 && returns.get(0).root()) {
            return types.forTypeName(returns.get(0).type());
        }
        ObjectSchema body = new ObjectSchema();
        for (Return ret : returns) {
            if (ret.root()) {
                // a root return beside others: LoopBack merges its properties into the body
                continue;
            }
            body.addProperty(ret.arg(), types.forTypeName(ret.type()));
        }
        return body;
    }
}
