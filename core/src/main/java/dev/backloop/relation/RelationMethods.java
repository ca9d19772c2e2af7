package dev.backloop.relation;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The relation routes of a model, declared as LoopBack 3's {@code Model.belongsToRemoting},
 * {@code hasOneRemoting}, {@code hasManyRemoting} and {@code scopeRemoting} declare them: same method
 * names ({@code prototype.__get__books}), arguments, returns and routes, in the same order — the relations'
 * own methods first, then the scope methods of the to-many ones.
 */
public final class RelationMethods {
    private static final FilterParser FILTERS = new FilterParser();
    private static final Accept FK = Accept.of("fk", "any", HttpSource.PATH).asRequired();
    private static final Accept REFRESH = Accept.of("refresh", "boolean", HttpSource.QUERY);

    private final Relations relations;

    public RelationMethods(Relations relations) {
        this.relations = relations;
    }

    /** Adds the routes of every relation of the shared class's model. */
    public void addTo(SharedClass shared) {
        Map<String, Relation> own = relations.of(shared.name());
        for (Relation relation : own.values()) {
            switch (relation.type()) {
                case BELONGS_TO -> belongsTo(shared, relation);
                case HAS_ONE, EMBEDS_ONE -> hasOne(shared, relation);
                case HAS_MANY, EMBEDS_MANY, REFERENCES_MANY -> hasMany(shared, relation);
            }
        }
        for (Relation relation : own.values()) {
            if (relation.multiple()) {
                scope(shared, relation);
            }
        }
    }

    /**
     * LoopBack's {@code nestRemoting} for every relation declaring {@code options.nestRemoting}: the related
     * model's relation methods again, below this model's relation route ({@code GET
     * /authors/:id/books/:nk/reviews} is {@code prototype.__get__books__reviews}). Call it once every shared
     * class has its relation methods.
     *
     * @param all the shared classes of the app, by model name
     */
    public void nest(SharedClass shared, Map<String, SharedClass> all) {
        for (Relation relation : relations.of(shared.name()).values()) {
            SharedClass target = relation.modelTo() == null ? null : all.get(relation.modelTo());
            if (!relation.nestRemoting() || target == null || relation.embedded()) {
                continue;
            }
            for (SharedMethod nested : target.methods()) {
                java.util.regex.Matcher name = NESTABLE.matcher(nested.name());
                if (!nested.isStatic() && name.matches()) {
                    shared.add(nestedMethod(relation, nested, name.group(1), name.group(2)));
                }
            }
        }
    }

    private static final java.util.regex.Pattern NESTABLE = java.util.regex.Pattern.compile("__([^_]+)__([^_]+)");

    private SharedMethod nestedMethod(Relation relation, SharedMethod nested, String operation, String nestedRelation) {
        String prefix = "/" + relation.httpPath() + (relation.multiple() ? "/:nk" : "");
        SharedMethod.Builder method = SharedMethod.builder("__" + operation + "__" + relation.name() + "__"
                + nestedRelation).instanceMethod().description(nested.description()).accessType(nested.accessType());
        if (relation.multiple()) {
            method.accepts(Accept.of("nk", "any", HttpSource.PATH).asRequired()
                    .describedAs("Foreign key for " + relation.name() + "."));
        }
        nested.accepts().forEach(method::accepts);
        nested.returns().forEach(method::returns);
        nested.routes().forEach(route -> method.route(route.verb(), prefix + route.path()));
        String verb = nested.routes().get(0).verb();
        return method.handler(inv -> {
            RelatedRecords related = stored(inv, relation);
            ModelInstance child = relation.multiple() ? related.findById(inv.arg("nk"))
                    : related.get().orElseThrow(() -> HttpError.modelNotFound(relation.modelTo(), "undefined"));
            Invocation inner = new Invocation(relations.requireModel(relation.modelTo()), nested, inv.args(), child);
            Object result = nested.handler().invoke(inner);
            nested.resultCheck().check(inner, verb, result);
            return result;
        }).build();
    }

    private void belongsTo(SharedClass shared, Relation relation) {
        String type = relation.modelTo() == null ? "PersistedModel" : relation.modelTo();
        shared.add(method("__get__", relation).accepts(REFRESH)
                .description("Fetches belongsTo relation " + relation.name() + ".").accessType("READ")
                .returns(Return.root(relation.name(), type)).route("get", "/" + relation.httpPath())
                // LoopBack answers a missing parent with 200 and a JSON null
                .handler(inv -> stored(inv, relation).get().<Object>map(ModelInstance::toJSON)
                        .orElse(NullNode.getInstance()))
                .build());
    }

    private void hasOne(SharedClass shared, Relation relation) {
        String path = "/" + relation.httpPath();
        String to = relation.modelTo();
        Accept data = Accept.of("data", "object", HttpSource.BODY);
        boolean embedded = relation.embedded();
        shared.add(method("__get__", relation).accepts(REFRESH)
                .description("Fetches hasOne relation " + relation.name() + ".").accessType("READ")
                .returns(Return.root(relation.name(), to)).route("get", path)
                .handler(inv -> embedded ? embedded(inv, relation).get().orElse(null)
                        : stored(inv, relation).get().map(ModelInstance::toJSON).orElse(null))
                .resultCheck((inv, verb, result) -> {
                    if (result == null) {
                        throw HttpError.modelNotFound(to, "undefined");
                    }
                }).build());
        shared.add(method("__create__", relation).accepts(data)
                .description("Creates a new instance in " + relation.name() + " of this model.").accessType("WRITE")
                .returns(Return.root("data", to)).route("post", path)
                .handler(inv -> embedded ? embedded(inv, relation).create(body(inv))
                        : stored(inv, relation).create(body(inv)).toJSON())
                .build());
        shared.add(method("__update__", relation).accepts(data)
                .description("Update " + relation.name() + " of this model.").accessType("WRITE")
                .returns(Return.root("data", to)).route("put", path)
                .handler(inv -> embedded ? embedded(inv, relation).update(body(inv))
                        : stored(inv, relation).update(body(inv)).toJSON())
                .build());
        shared.add(method("__destroy__", relation)
                .description("Deletes " + relation.name() + " of this model.").accessType("WRITE")
                .route("delete", path)
                .handler(inv -> {
                    if (embedded) {
                        embedded(inv, relation).destroy();
                    } else {
                        stored(inv, relation).destroy();
                    }
                    return null;
                }).build());
    }

    private void hasMany(SharedClass shared, Relation relation) {
        String path = "/" + relation.httpPath();
        String to = relation.modelTo();
        boolean embedded = relation.embedded();
        shared.add(method("__findById__", relation).accepts(FK.describedAs("Foreign key for " + relation.name()))
                .description("Find a related item by id for " + relation.name() + ".").accessType("READ")
                .returns(Return.root("result", to)).route("get", path + "/:fk")
                .handler(inv -> embedded ? embedded(inv, relation).findById(inv.arg("fk"))
                        : stored(inv, relation).findById(inv.arg("fk")).toJSON())
                .build());
        shared.add(method("__destroyById__", relation).accepts(FK.describedAs("Foreign key for " + relation.name()))
                .description("Delete a related item by id for " + relation.name() + ".").accessType("WRITE")
                .route("delete", path + "/:fk")
                .handler(inv -> {
                    if (embedded) {
                        embedded(inv, relation).destroyById(inv.arg("fk"));
                    } else {
                        stored(inv, relation).destroyById(inv.arg("fk"));
                    }
                    return null;
                }).build());
        shared.add(method("__updateById__", relation).accepts(FK.describedAs("Foreign key for " + relation.name()))
                .accepts(Accept.of("data", "object", HttpSource.BODY))
                .description("Update a related item by id for " + relation.name() + ".").accessType("WRITE")
                .returns(Return.root("result", to)).route("put", path + "/:fk")
                .handler(inv -> embedded ? embedded(inv, relation).updateById(inv.arg("fk"), body(inv))
                        : stored(inv, relation).updateById(inv.arg("fk"), body(inv)).toJSON())
                .build());
        if (!relation.hasThrough() && relation.type() != RelationType.REFERENCES_MANY) {
            return;
        }
        SharedMethod.Builder link = method("__link__", relation).accepts(FK.describedAs("Foreign key for "
                + relation.name()));
        if (relation.hasThrough()) {
            // only a through model can carry extra properties on the link
            link.accepts(Accept.of("data", "object", HttpSource.BODY));
        }
        shared.add(link.description("Add a related item by id for " + relation.name() + ".").accessType("WRITE")
                .returns(Return.root(relation.name(), relation.hasThrough() ? relation.through() : to))
                .route("put", path + "/rel/:fk")
                .handler(inv -> stored(inv, relation).link(inv.arg("fk"),
                        relation.hasThrough() ? body(inv) : Map.of()).toJSON())
                .build());
        shared.add(method("__unlink__", relation).accepts(FK.describedAs("Foreign key for " + relation.name()))
                .description("Remove the " + relation.name() + " relation to an item by id.").accessType("WRITE")
                .route("delete", path + "/rel/:fk")
                .handler(inv -> {
                    stored(inv, relation).unlink(inv.arg("fk"));
                    return null;
                }).build());
        shared.add(method("__exists__", relation).accepts(FK.describedAs("Foreign key for " + relation.name()))
                .description("Check the existence of " + relation.name() + " relation to an item by id.")
                .accessType("READ").returns(Return.root("exists", "boolean"))
                .route("head", path + "/rel/:fk")
                .handler(inv -> stored(inv, relation).exists(inv.arg("fk")))
                .resultCheck((inv, verb, result) -> {
                    if (Boolean.FALSE.equals(result)) {
                        throw HttpError.modelNotFound(inv.model().name(), inv.instance().id());
                    }
                }).build());
    }

    private void scope(SharedClass shared, Relation relation) {
        String path = "/" + relation.httpPath();
        String to = relation.modelTo();
        boolean embedded = relation.embedded();
        shared.add(method("__get__", relation).accepts(Accept.of("filter", "object", HttpSource.AUTO))
                .description("Queries " + relation.name() + " of " + shared.name() + ".").accessType("READ")
                .returns(Return.root(relation.name(), "[" + to + "]")).route("get", path)
                .handler(inv -> embedded ? embedded(inv, relation).find(filter(inv))
                        : stored(inv, relation).find(filter(inv)).stream().map(ModelInstance::toJSON).toList())
                .build());
        shared.add(method("__create__", relation).accepts(Accept.of("data", "object", HttpSource.BODY))
                .description("Creates a new instance in " + relation.name() + " of this model.").accessType("WRITE")
                .returns(Return.root("data", to)).route("post", path)
                .handler(inv -> create(inv, relation))
                .build());
        shared.add(method("__delete__", relation)
                .description("Deletes all " + relation.name() + " of this model.").accessType("WRITE")
                .route("delete", path)
                .handler(inv -> {
                    if (embedded) {
                        embedded(inv, relation).destroyAll();
                    } else {
                        stored(inv, relation).destroyAll();
                    }
                    return null;
                }).build());
        shared.add(method("__count__", relation)
                .accepts(Accept.of("where", "object", HttpSource.QUERY).describedAs("Criteria to match model instances"))
                .description("Counts " + relation.name() + " of " + shared.name() + ".").accessType("READ")
                .returns(Return.property("count", "number")).route("get", path + "/count")
                .handler(inv -> embedded ? embedded(inv, relation).count(where(inv))
                        : stored(inv, relation).count(where(inv)))
                .build());
    }

    /** A create through a to-many relation: one record from an object body, many from an array body. */
    private Object create(Invocation inv, Relation relation) {
        boolean many = inv.arg("data") instanceof List<?>;
        List<Map<String, Object>> items = inv.objectsArg("data");
        List<Object> created = new ArrayList<>();
        for (Map<String, Object> item : items) {
            created.add(relation.embedded() ? embedded(inv, relation).add(item)
                    : stored(inv, relation).create(item).toJSON());
        }
        return many ? created : created.get(0);
    }

    private static SharedMethod.Builder method(String prefix, Relation relation) {
        return SharedMethod.builder(prefix + relation.name()).instanceMethod();
    }

    private RelatedRecords stored(Invocation inv, Relation relation) {
        return relations.related(inv.instance(), relation.name());
    }

    private EmbeddedRecords embedded(Invocation inv, Relation relation) {
        return relations.embedded(inv.instance(), relation.name());
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
}
