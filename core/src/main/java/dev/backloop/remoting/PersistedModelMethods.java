package dev.backloop.remoting;

import dev.backloop.changes.ChangeFeed;
import dev.backloop.changes.Subscription;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.List;
import java.util.Map;

/**
 * The built-in CRUD methods of a persisted model, declared as LoopBack 3's {@code PersistedModel} declares
 * them: same names, aliases, arguments, returns and routes, in the same order.
 */
public final class PersistedModelMethods {
    private static final FilterParser FILTERS = new FilterParser();

    private PersistedModelMethods() {
    }

    /** Adds every CRUD method of {@code model} to a new shared class. */
    public static SharedClass sharedClassOf(Model model) {
        SharedClass shared = new SharedClass(model);
        boolean replaceOnPut = model.definition().replaceOnPut();
        Accept id = Accept.of("id", "any", HttpSource.PATH).asRequired().describedAs("Model id");
        Accept data = Accept.of("data", "object", HttpSource.BODY).describedAs("Model instance data");
        Accept filter = Accept.of("filter", "object", HttpSource.AUTO)
                .describedAs("Filter defining fields, where, include, order, offset, and limit");
        Accept where = Accept.of("where", "object", HttpSource.QUERY).describedAs("Criteria to match model instances");

        shared.add(SharedMethod.builder("create")
                .description("Create a new instance of the model and persist it into the data source.")
                .accessType("WRITE").accepts(data).returns(Return.root("data", model.name()))
                .route("post", "/")
                .handler(PersistedModelMethods::create).build());

        SharedMethod.Builder patchOrCreate = SharedMethod.builder("patchOrCreate").alias("upsert").alias("updateOrCreate")
                .description("Patch an existing model instance or insert a new one into the data source.")
                .accessType("WRITE").accepts(data).returns(Return.root("data", model.name()))
                .route("patch", "/");
        if (!replaceOnPut) {
            patchOrCreate.route("put", "/");
        }
        shared.add(patchOrCreate.handler(inv -> model.patchOrCreate(body(inv)).toJSON()).build());

        SharedMethod.Builder replaceOrCreate = SharedMethod.builder("replaceOrCreate")
                .description("Replace an existing model instance or insert a new one into the data source.")
                .accessType("WRITE").accepts(data).returns(Return.root("data", model.name()));
        if (replaceOnPut) {
            replaceOrCreate.route("put", "/");
        }
        shared.add(replaceOrCreate.route("post", "/replaceOrCreate")
                .handler(inv -> model.replaceOrCreate(body(inv)).toJSON()).build());

        shared.add(SharedMethod.builder("upsertWithWhere").alias("patchOrCreateWithWhere")
                .description("Update an existing model instance or insert a new one into the data source based on the where criteria.")
                .accessType("WRITE").accepts(where).accepts(data).returns(Return.root("data", model.name()))
                .route("post", "/upsertWithWhere")
                .handler(inv -> model.upsertWithWhere(where(inv), body(inv)).toJSON()).build());

        shared.add(SharedMethod.builder("exists")
                .description("Check whether a model instance exists in the data source.")
                .accessType("READ").accepts(id).returns(Return.property("exists", "boolean"))
                .route("get", "/:id/exists").route("head", "/:id")
                .handler(inv -> model.exists(inv.arg("id")))
                .resultCheck((inv, verb, result) -> {
                    // HEAD answers with the status alone: 200 when present, 404 when not
                    if ("HEAD".equals(verb) && !Boolean.TRUE.equals(result)) {
                        throw HttpError.modelNotFound(model.name(), inv.arg("id"));
                    }
                }).build());

        shared.add(SharedMethod.builder("findById")
                .description("Find a model instance by {{id}} from the data source.")
                .accessType("READ").accepts(id).accepts(Accept.of("filter", "object", HttpSource.AUTO)
                        .describedAs("Filter defining fields and include - must be a JSON-encoded string ({\"something\":\"value\"})"))
                .returns(Return.root("data", model.name()))
                .route("get", "/:id")
                .handler(inv -> model.findById(inv.arg("id"), filter(inv)).map(ModelInstance::toJSON).orElse(null))
                .resultCheck(PersistedModelMethods::notFoundOnNull).build());

        SharedMethod.Builder replaceById = SharedMethod.builder("replaceById")
                .description("Replace attributes for a model instance and persist it into the data source.")
                .accessType("WRITE").accepts(id).accepts(data).returns(Return.root("data", model.name()));
        if (replaceOnPut) {
            replaceById.route("put", "/:id");
        }
        shared.add(replaceById.route("post", "/:id/replace")
                .handler(inv -> model.replaceById(inv.arg("id"), body(inv)).toJSON()).build());

        shared.add(SharedMethod.builder("find")
                .description("Find all instances of the model matched by filter from the data source.")
                .accessType("READ").accepts(filter).returns(Return.root("data", "[" + model.name() + "]"))
                .route("get", "/")
                .handler(inv -> model.find(filter(inv)).stream().map(ModelInstance::toJSON).toList()).build());

        shared.add(SharedMethod.builder("findOne")
                .description("Find first instance of the model matched by filter from the data source.")
                .accessType("READ").accepts(filter).returns(Return.root("data", model.name()))
                .route("get", "/findOne")
                .handler(inv -> model.findOne(filter(inv)).map(ModelInstance::toJSON).orElse(null))
                .resultCheck(PersistedModelMethods::notFoundOnNull).build());

        shared.add(SharedMethod.builder("updateAll").alias("update")
                .description("Update instances of the model matched by {{where}} from the data source.")
                .accessType("WRITE").accepts(where).accepts(data.describedAs("An object of model property name/value pairs"))
                .returns(Return.root("info", "object"))
                .route("post", "/update")
                .handler(inv -> Map.of("count", model.updateAll(where(inv), body(inv)))).build());

        shared.add(SharedMethod.builder("deleteById").alias("destroyById").alias("removeById")
                .description("Delete a model instance by {{id}} from the data source.")
                .accessType("WRITE").accepts(id).returns(Return.root("count", "object"))
                .route("delete", "/:id")
                .handler(inv -> Map.of("count", model.destroyById(inv.arg("id")))).build());

        shared.add(SharedMethod.builder("count")
                .description("Count instances of the model matched by where from the data source.")
                .accessType("READ").accepts(where).returns(Return.property("count", "number"))
                .route("get", "/count")
                .handler(inv -> model.count(where(inv))).build());

        SharedMethod.Builder patchAttributes = SharedMethod.builder("patchAttributes").instanceMethod()
                .alias("updateAttributes")
                .description("Patch attributes for a model instance and persist it into the data source.")
                .accessType("WRITE").accepts(data.describedAs("An object of model property name/value pairs"))
                .returns(Return.root("data", model.name()))
                .route("patch", "/");
        if (!replaceOnPut) {
            patchAttributes.route("put", "/");
        }
        shared.add(patchAttributes.handler(inv -> inv.instance().patchAttributes(body(inv)).toJSON()).build());

        shared.add(SharedMethod.builder("createChangeStream")
                .description("Create a change stream.")
                .accessType("READ")
                .accepts(Accept.of("options", "object", HttpSource.AUTO)
                        .describedAs("Only changes whose data matches options.where are sent"))
                .returns(Return.root("changes", "ReadableStream"))
                .route("post", "/change-stream").route("get", "/change-stream")
                .handler(inv -> changeStream(inv.model(), inv.arg("options"))).build());
        return shared;
    }

    /** Each change of the model's data (matching {@code options.where}) as an event, until the client leaves. */
    private static EventStream changeStream(Model model, Object options) {
        // options is filter-shaped ({"where": {...}}), as an object or stringified in the query
        Where where = FILTERS.parseFilter(options).where();
        ChangeFeed feed = ChangeFeed.of(model);
        return sink -> {
            Subscription subscription = feed.subscribe(where, change -> {
                if (!sink.send(change)) {
                    // the client is gone: the close action below ends the subscription
                    sink.close();
                }
            });
            sink.onClose(subscription::close);
        };
    }

    /** Creates one record from an object body, or many from an array body (all or none). */
    private static Object create(Invocation inv) {
        if (inv.arg("data") instanceof List<?>) {
            return inv.model().create(inv.objectsArg("data")).stream().map(ModelInstance::toJSON).toList();
        }
        return inv.model().create(inv.objectArg("data")).toJSON();
    }

    private static Map<String, Object> body(Invocation inv) {
        return inv.objectArg("data");
    }


    private static Filter filter(Invocation inv) {
        return FILTERS.parseFilter(inv.arg("filter"));
    }

    private static Where where(Invocation inv) {
        return FILTERS.parseWhere(inv.arg("where"));
    }

    /** LoopBack's {@code convertNullToNotFoundError}: a null result is 404 MODEL_NOT_FOUND. */
    private static void notFoundOnNull(Invocation inv, String verb, Object result) {
        if (result == null) {
            throw HttpError.modelNotFound(inv.model().name(), inv.arg("id") == null ? "undefined" : inv.arg("id"));
        }
    }
}
