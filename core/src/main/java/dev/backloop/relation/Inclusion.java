package dev.backloop.relation;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Include;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.model.IncludeResolver;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads included relations without N+1 queries: for each relation of each level it collects the join keys
 * of all the parent records, fetches every related record in one query with {@code inq} (two for a through
 * model), and stitches them to their parents in memory. A relation scope's limit and skip apply per parent,
 * as in LoopBack, but on the one result set rather than through one query per parent.
 *
 * <p>Join keys a {@code fields} projection leaves out are fetched anyway and removed after stitching.
 * Included records are shaped as LoopBack returns them: an array for a to-many relation, an object or
 * {@code null} for a to-one relation, without hidden or protected properties.
 */
public final class Inclusion implements IncludeResolver {
    /** Relation levels one find may include; LoopBack had no bound, its filter depth limit aside. */
    public static final int MAX_DEPTH = 8;
    /** Include entries in one filter, all levels together; each costs a query. */
    public static final int MAX_INCLUDES = 64;
    private static final String TOO_DEEP = "INCLUDE_TOO_DEEP";

    private final Relations relations;

    public Inclusion(Relations relations) {
        this.relations = Objects.requireNonNull(relations, "relations is null");
    }

    @Override
    public List<ModelInstance> find(Model model, Filter filter) {
        check(model.name(), filter.include(), 1, new int[] {0});
        return load(model, filter, Set.of(), 1).records();
    }

    /** Records loaded with their includes, and the stitch keys fetched only for the caller to remove. */
    record Loaded(List<ModelInstance> records, Set<String> addedKeys) {
        void strip() {
            if (!addedKeys.isEmpty()) {
                records.forEach(r -> r.removeProperties(addedKeys));
            }
        }
    }

    /** Refuses unknown relations anywhere in the tree, and trees too deep or too large, before any query. */
    void check(String modelName, List<Include> includes, int depth, int[] count) {
        if (includes.isEmpty()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw HttpError.badRequest("The include is nested deeper than " + MAX_DEPTH + " relations", TOO_DEEP);
        }
        for (Include include : includes) {
            if (++count[0] > MAX_INCLUDES) {
                throw HttpError.badRequest("The filter includes more than " + MAX_INCLUDES + " relations",
                        TOO_DEEP);
            }
            Relation relation = relations.require(modelName, include.relation());
            if (relation.modelTo() != null && !relation.embedded()) {
                check(relation.modelTo(), include.nested(), depth + 1, count);
            }
        }
    }

    /**
     * Finds the records of {@code model} for {@code filter} and includes its relations.
     *
     * @param stitchKeys properties the caller needs in the records even when {@code fields} omits them
     */
    Loaded load(Model model, Filter filter, Set<String> stitchKeys, int depth) {
        List<Include> includes = new ArrayList<>();
        for (Include include : filter.include()) {
            if (!relations.require(model.name(), include.relation()).disableInclude()) {
                includes.add(include);
            }
        }
        if (!includes.isEmpty() && depth > MAX_DEPTH) {
            throw HttpError.badRequest("The include is nested deeper than " + MAX_DEPTH + " relations", TOO_DEEP);
        }
        Set<String> needed = new LinkedHashSet<>(stitchKeys);
        for (Include include : includes) {
            needed.addAll(joinKeys(relations.require(model.name(), include.relation())));
        }
        Fields fields = filter.fields();
        Set<String> added = new LinkedHashSet<>();
        for (String key : needed) {
            if (!fields.includes(key)) {
                added.add(key);
            }
        }
        List<ModelInstance> found = model.find(filter.withFields(widen(fields, added)).withInclude(List.of()));
        for (Include include : includes) {
            Relation relation = relations.require(model.name(), include.relation());
            Filter caller = (include.scope() == null ? Filter.ALL : include.scope()).withInclude(include.nested());
            List<Object> related = related(relation, found, caller, depth);
            for (int i = 0; i < found.size(); i++) {
                found.get(i).include(relation.name(), wire(related.get(i), relation));
            }
        }
        Set<String> stripNow = new HashSet<>(added);
        stripNow.removeAll(stitchKeys);
        new Loaded(found, stripNow).strip();
        Set<String> forCaller = new HashSet<>(added);
        forCaller.retainAll(stitchKeys);
        return new Loaded(found, forCaller);
    }

    /**
     * The records related to each parent, in the parents' order: for a to-many relation a list, for a
     * to-one relation the record or {@code null}. Stored records are {@link ModelInstance}s, embedded ones
     * maps.
     *
     * @param caller the caller's filter (an include scope or a route's filter) before the relation's scope
     */
    List<Object> related(Relation relation, List<ModelInstance> parents, Filter caller, int depth) {
        Filter merged = ScopeMerge.merge(caller, relation.scope());
        if (parents.isEmpty()) {
            return List.of();
        }
        return switch (relation.type()) {
            case BELONGS_TO -> relation.polymorphicBelongsTo()
                    ? polymorphicBelongsTo(relation, parents, merged, depth)
                    : toOne(relations.requireModel(relation.modelTo()), relation.keyFrom(), relation.keyTo(), null,
                            null, parents, merged, depth);
            case HAS_ONE -> toOne(relations.requireModel(relation.modelTo()), relation.keyFrom(), relation.keyTo(),
                    relation.discriminator(), relation.modelFrom(), parents, merged, depth);
            case HAS_MANY -> relation.hasThrough() ? hasManyThrough(relation, parents, merged, depth)
                    : hasMany(relation, parents, merged, depth);
            case REFERENCES_MANY -> referencesMany(relation, parents, merged, depth);
            case EMBEDS_ONE -> embedsOne(relation, parents);
            case EMBEDS_MANY -> embedsMany(relation, parents, merged);
        };
    }

    /** belongsTo and hasOne: at most one record per parent, matched on {@code keyTo}. */
    private List<Object> toOne(Model target, String keyFrom, String keyTo, String discriminator, String discriminatorValue,
            List<ModelInstance> parents, Filter merged, int depth) {
        List<Object> keys = distinctKeys(parents, keyFrom);
        List<Object> values = new ArrayList<>(Collections.nCopies(parents.size(), null));
        if (keys.isEmpty()) {
            return values;
        }
        Where where = ScopeMerge.and(inq(keyTo, keys), merged.where());
        if (discriminator != null) {
            where = ScopeMerge.and(Where.eq(discriminator, discriminatorValue), where);
        }
        Loaded loaded = load(target, merged.withWhere(where).withLimit(null).withSkip(0), Set.of(keyTo), depth + 1);
        Map<String, ModelInstance> byKey = new LinkedHashMap<>();
        for (ModelInstance record : loaded.records()) {
            byKey.putIfAbsent(Keys.of(record.get(keyTo)), record);
        }
        loaded.strip();
        for (int i = 0; i < parents.size(); i++) {
            String key = Keys.of(parents.get(i).get(keyFrom));
            values.set(i, key == null ? null : byKey.get(key));
        }
        return values;
    }

    /** One query per target model named by the discriminators, not per parent. */
    private List<Object> polymorphicBelongsTo(Relation relation, List<ModelInstance> parents, Filter merged,
            int depth) {
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < parents.size(); i++) {
            Object type = parents.get(i).get(relation.discriminator());
            if (type != null) {
                byType.computeIfAbsent(type.toString(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Object> values = new ArrayList<>(Collections.nCopies(parents.size(), null));
        for (Map.Entry<String, List<Integer>> group : byType.entrySet()) {
            Model target = relations.model(group.getKey()).orElse(null);
            if (target == null) {
                continue;
            }
            List<ModelInstance> members = group.getValue().stream().map(parents::get).toList();
            String keyTo = relation.keyTo().equals("id") ? target.definition().idName() : relation.keyTo();
            List<Object> found = toOne(target, relation.keyFrom(), keyTo, null, null, members, merged, depth);
            for (int j = 0; j < members.size(); j++) {
                values.set(group.getValue().get(j), found.get(j));
            }
        }
        return values;
    }

    private List<Object> hasMany(Relation relation, List<ModelInstance> parents, Filter merged, int depth) {
        Model target = relations.requireModel(relation.modelTo());
        List<Object> keys = distinctKeys(parents, relation.keyFrom());
        if (keys.isEmpty()) {
            return emptyLists(parents.size());
        }
        Where where = ScopeMerge.and(inq(relation.keyTo(), keys), merged.where());
        if (relation.discriminator() != null) {
            where = ScopeMerge.and(Where.eq(relation.discriminator(), relation.modelFrom()), where);
        }
        Loaded loaded = load(target, toManyQuery(merged.withWhere(where), parents), Set.of(relation.keyTo()), depth + 1);
        Map<String, List<ModelInstance>> byKey = new LinkedHashMap<>();
        for (ModelInstance record : loaded.records()) {
            byKey.computeIfAbsent(Keys.of(record.get(relation.keyTo())), k -> new ArrayList<>()).add(record);
        }
        loaded.strip();
        return perParent(parents, relation.keyFrom(), byKey, merged);
    }

    /** Two queries: the through records of every parent, then every target they point to. */
    private List<Object> hasManyThrough(Relation relation, List<ModelInstance> parents, Filter merged, int depth) {
        Model through = relations.requireModel(relation.through());
        Model target = relations.requireModel(relation.modelTo());
        List<Object> keys = distinctKeys(parents, relation.keyFrom());
        if (keys.isEmpty()) {
            return emptyLists(parents.size());
        }
        Where throughWhere = inq(relation.keyTo(), keys);
        if (relation.discriminator() != null) {
            throughWhere = ScopeMerge.and(Where.eq(relation.discriminator(), relation.modelFrom()), throughWhere);
        }
        // target key → the parents linking to it, in link order
        Map<String, List<String>> parentsOfTarget = new LinkedHashMap<>();
        List<Object> targetIds = new ArrayList<>();
        for (ModelInstance link : through.find(Filter.where(throughWhere))) {
            Object targetId = link.get(relation.keyThrough());
            String targetKey = Keys.of(targetId);
            if (targetKey == null) {
                continue;
            }
            List<String> owners = parentsOfTarget.computeIfAbsent(targetKey, k -> {
                targetIds.add(targetId);
                return new ArrayList<>();
            });
            owners.add(Keys.of(link.get(relation.keyTo())));
        }
        if (targetIds.isEmpty()) {
            return emptyLists(parents.size());
        }
        String targetId = target.definition().idName();
        Filter query = toManyQuery(merged.withWhere(ScopeMerge.and(inq(targetId, targetIds), merged.where())), parents);
        Loaded loaded = load(target, query, Set.of(targetId), depth + 1);
        Map<String, List<ModelInstance>> byParent = new LinkedHashMap<>();
        for (ModelInstance record : loaded.records()) {
            for (String owner : parentsOfTarget.getOrDefault(Keys.of(record.get(targetId)), List.of())) {
                List<ModelInstance> list = byParent.computeIfAbsent(owner, k -> new ArrayList<>());
                if (!list.contains(record)) {
                    list.add(record);
                }
            }
        }
        loaded.strip();
        return perParent(parents, relation.keyFrom(), byParent, merged);
    }

    /**
     * The one query of a to-many level. With several parents the scope's limit and skip apply per parent
     * ({@link #perParent}), so the query itself is not paged; with one parent the store pages it.
     */
    private static Filter toManyQuery(Filter query, List<ModelInstance> parents) {
        return parents.size() == 1 ? query : query.withLimit(null).withSkip(0);
    }

    /** Each parent's children, by the parent's key, paged per parent when the query was not. */
    private static List<Object> perParent(List<ModelInstance> parents, String keyFrom,
            Map<String, List<ModelInstance>> childrenByKey, Filter merged) {
        boolean single = parents.size() == 1;
        List<Object> values = new ArrayList<>(parents.size());
        for (ModelInstance parent : parents) {
            List<ModelInstance> children = childrenByKey.getOrDefault(Keys.of(parent.get(keyFrom)), List.of());
            values.add(single ? children : page(children, merged));
        }
        return values;
    }

    /** The ids in each parent's array, resolved with one query; the array's order unless an order is given. */
    private List<Object> referencesMany(Relation relation, List<ModelInstance> parents, Filter merged, int depth) {
        Model target = relations.requireModel(relation.modelTo());
        List<Object> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ModelInstance parent : parents) {
            for (Object id : idList(parent.get(relation.keyFrom()))) {
                if (Keys.of(id) != null && seen.add(Keys.of(id))) {
                    ids.add(id);
                }
            }
        }
        if (ids.isEmpty()) {
            return emptyLists(parents.size());
        }
        Filter query = merged.withWhere(ScopeMerge.and(inq(relation.keyTo(), ids), merged.where()))
                .withLimit(null).withSkip(0);
        Loaded loaded = load(target, query, Set.of(relation.keyTo()), depth + 1);
        Map<String, ModelInstance> byKey = new LinkedHashMap<>();
        for (ModelInstance record : loaded.records()) {
            byKey.putIfAbsent(Keys.of(record.get(relation.keyTo())), record);
        }
        loaded.strip();
        List<Object> values = new ArrayList<>(parents.size());
        for (ModelInstance parent : parents) {
            List<ModelInstance> children = new ArrayList<>();
            if (merged.order().isEmpty()) {
                for (Object id : idList(parent.get(relation.keyFrom()))) {
                    ModelInstance record = byKey.get(Keys.of(id));
                    if (record != null && !children.contains(record)) {
                        children.add(record);
                    }
                }
            } else {
                Set<String> own = new HashSet<>();
                idList(parent.get(relation.keyFrom())).forEach(id -> own.add(Keys.of(id)));
                byKey.forEach((key, record) -> {
                    if (own.contains(key)) {
                        children.add(record);
                    }
                });
            }
            values.add(page(children, merged));
        }
        return values;
    }

    private List<Object> embedsOne(Relation relation, List<ModelInstance> parents) {
        List<Object> values = new ArrayList<>(parents.size());
        for (ModelInstance parent : parents) {
            values.add(parent.get(relation.keyFrom()) instanceof Map<?, ?> map ? map : null);
        }
        return values;
    }

    private List<Object> embedsMany(Relation relation, List<ModelInstance> parents, Filter merged) {
        List<Object> values = new ArrayList<>(parents.size());
        for (ModelInstance parent : parents) {
            values.add(InMemoryQuery.compile(merged).apply(EmbeddedItems.of(parent.get(relation.keyFrom()))));
        }
        return values;
    }

    /** A to-many relation's per-parent skip and limit, applied to that parent's records. */
    private static List<ModelInstance> page(List<ModelInstance> records, Filter merged) {
        int from = Math.min(merged.skip(), records.size());
        int to = merged.limit() == null || merged.limit() == 0 ? records.size()
                : (int) Math.min(records.size(), (long) from + merged.limit());
        return records.subList(from, to);
    }

    /** Related data in wire form: nested records without hidden and protected properties. */
    Object wire(Object related, Relation relation) {
        if (related == null) {
            return null;
        }
        if (related instanceof ModelInstance instance) {
            return instance.toNestedJSON();
        }
        if (related instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(wire(item, relation)));
            return out;
        }
        if (related instanceof Map<?, ?> embedded) {
            return EmbeddedItems.wire(embedded, relations.definition(relation.modelTo()).orElse(null));
        }
        return related;
    }

    /** The properties of the parent records an include of this relation reads. */
    static Set<String> joinKeys(Relation relation) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(relation.keyFrom());
        if (relation.polymorphicBelongsTo()) {
            keys.add(relation.discriminator());
        }
        return keys;
    }

    private static Fields widen(Fields fields, Set<String> added) {
        if (added.isEmpty()) {
            return fields;
        }
        if (!fields.included().isEmpty()) {
            Set<String> included = new LinkedHashSet<>(fields.included());
            included.addAll(added);
            return new Fields(included, fields.excluded());
        }
        Set<String> excluded = new LinkedHashSet<>(fields.excluded());
        excluded.removeAll(added);
        return new Fields(fields.included(), excluded);
    }

    private static Where inq(String property, List<Object> values) {
        return new Where.Condition(property, Operator.INQ, Collections.unmodifiableList(new ArrayList<>(values)));
    }

    private static List<Object> distinctKeys(List<ModelInstance> parents, String property) {
        List<Object> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ModelInstance parent : parents) {
            Object value = parent.get(property);
            String key = Keys.of(value);
            if (key != null && seen.add(key)) {
                keys.add(value);
            }
        }
        return keys;
    }

    static List<Object> idList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    private static List<Object> emptyLists(int size) {
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(List.of());
        }
        return values;
    }
}
