package dev.backloop.explorer.openapi;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Schemas of LoopBack's query language, so the {@code filter} and {@code where} arguments are described
 * rather than left as "object".
 */
public final class FilterSchemas {
    public static final String FILTER = "loopback.Filter";
    public static final String WHERE = "loopback.Where";

    private FilterSchemas() {
    }

    /** Which arguments take which grammar, for {@link ParameterMapper}. */
    public static Map<String, String> arguments() {
        return Map.of("filter", FILTER, "where", WHERE);
    }

    /** The Filter and Where schemas, by name. */
    public static Map<String, Schema<?>> schemas() {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put(WHERE, new ObjectSchema()
                .description("Conditions on properties: {\"done\": false}, {\"priority\": {\"gt\": 2}}, "
                        + "{\"or\": [{...}, {...}]}. Operators: eq, neq, gt, gte, lt, lte, between, inq, nin, like, nlike, "
                        + "ilike, nilike, regexp, exists, and, or.")
                .additionalProperties(true));
        schemas.put(FILTER, new ObjectSchema()
                .description("What to find, as JSON: {\"where\": {...}, \"order\": \"priority DESC\", \"limit\": 10}.")
                .addProperty("where", new Schema<>().$ref(TypeSchemas.REF_PREFIX + WHERE))
                .addProperty("fields", new Schema<>().description(
                        "Properties to return: {\"title\": true} or [\"title\", \"done\"]"))
                .addProperty("include", new Schema<>().description("Related models to include: \"owner\" or [\"owner\", {...}]"))
                .addProperty("order", new Schema<>().description("Sort order: \"priority DESC\" or [\"done ASC\", \"title\"]"))
                .addProperty("limit", new IntegerSchema().minimum(BigDecimal.ZERO).description("At most this many"))
                .addProperty("skip", new IntegerSchema().minimum(BigDecimal.ZERO).description("Skip this many"))
                .addProperty("offset", new IntegerSchema().minimum(BigDecimal.ZERO).description("Same as skip")));
        return schemas;
    }
}
