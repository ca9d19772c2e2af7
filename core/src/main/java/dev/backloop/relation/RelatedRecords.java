package dev.backloop.relation;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The records one instance reaches through one stored relation (belongsTo, hasOne, hasMany with or without a
 * through model, referencesMany): the juggler's relation accessors ({@code author.books.create(...)}), which
 * the relation routes call. Writes through a relation set the join keys themselves: a body cannot point a
 * created record at another owner. Embedded relations are {@link EmbeddedRecords}.
 */
public final class RelatedRecords {
    private final Relations relations;
    private final Relation relation;
    private final ModelInstance owner;

    RelatedRecords(Relations relations, Relation relation, ModelInstance owner) {
        this.relations = relations;
        this.relation = relation;
        this.owner = Objects.requireNonNull(owner, "owner is null");
    }

    public Relation relation() {
        return relation;
    }

    // ---- reads

    /** The related records of a to-many relation matching {@code filter} (merged with the relation's scope). */
    public List<ModelInstance> find(Filter filter) {
        Filter caller = filter == null ? Filter.ALL : filter;
        relations.inclusion().check(relation.modelTo(), caller.include(), 1, new int[] {0});
        Object related = relations.inclusion().related(relation, List.of(owner), caller, 1).get(0);
        return castList(related);
    }

    /** The one related record of a belongsTo or hasOne, if there is one. */
    public Optional<ModelInstance> get() {
        if (relation.polymorphicBelongsTo()) {
            Object type = owner.get(relation.discriminator());
            if (type == null || relations.model(type.toString()).isEmpty()) {
                return Optional.empty();
            }
        }
        Object related = relations.inclusion().related(relation, List.of(owner), Filter.ALL, 1).get(0);
        return Optional.ofNullable((ModelInstance) related);
    }

    /** How many related records match {@code where}. */
    public long count(Where where) {
        Where scoped = ScopeMerge.and(where == null ? Where.ALL : where, relation.scope().where());
        Model target = target();
        return switch (relation.type()) {
            case HAS_MANY -> relation.hasThrough()
                    ? target.count(ScopeMerge.and(inq(target.definition().idName(), linkedIds()), scoped))
                    : target.count(ScopeMerge.and(ownerCondition(), scoped));
            case REFERENCES_MANY -> target.count(ScopeMerge.and(inq(relation.keyTo(), referencedIds()), scoped));
            default -> throw unsupported("count");
        };
    }

    /**
     * The related record with id {@code fk}.
     *
     * @throws HttpError 404 when no record with this id is related to the owner
     */
    public ModelInstance findById(Object fk) {
        Model target = target();
        String idName = target.definition().idName();
        Optional<ModelInstance> found = switch (relation.type()) {
            case HAS_MANY -> relation.hasThrough()
                    ? (linkExists(fk) ? target.findOne(scoped(Where.eq(idName, fk))) : Optional.empty())
                    : target.findOne(scoped(ScopeMerge.and(Where.eq(idName, fk), ownerCondition())));
            case REFERENCES_MANY -> referenced(fk) ? target.findOne(scoped(Where.eq(idName, fk))) : Optional.empty();
            default -> throw unsupported("findById");
        };
        return found.orElseThrow(() -> notRelated(fk));
    }

    /** Whether the record with id {@code fk} is linked to the owner (through model or id array). */
    public boolean exists(Object fk) {
        return switch (relation.type()) {
            case HAS_MANY -> relation.hasThrough() ? linkExists(fk) : findOptional(fk);
            case REFERENCES_MANY -> referenced(fk);
            default -> throw unsupported("exists");
        };
    }

    // ---- writes

    /** Creates a related record owned by the owner (for a through relation, also the link to it). */
    public ModelInstance create(Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>(data == null ? Map.of() : data);
        scopeValues(values);
        Model target = target();
        switch (relation.type()) {
            case HAS_ONE -> {
                if (get().isPresent()) {
                    throw new HttpError(409, "Error", "HasOne relation cannot create more than one instance of "
                            + relation.modelTo(), "RELATION_EXISTS", null);
                }
                values.putAll(ownerKeys());
                return target.create(values);
            }
            case HAS_MANY -> {
                if (!relation.hasThrough()) {
                    values.putAll(ownerKeys());
                    return target.create(values);
                }
                ModelInstance created = target.create(values);
                linkTo(created.id(), Map.of());
                return created;
            }
            case REFERENCES_MANY -> {
                ModelInstance created = target.create(values);
                List<Object> ids = new ArrayList<>(Inclusion.idList(owner.get(relation.keyFrom())));
                ids.add(created.get(relation.keyTo()));
                owner.patchAttributes(Map.of(relation.keyFrom(), ids));
                return created;
            }
            default -> throw unsupported("create");
        }
    }

    /**
     * Patches the related record with id {@code fk}.
     *
     * @throws HttpError 404 when it is not related; 400 when the data moves it to another owner
     */
    public ModelInstance updateById(Object fk, Map<String, Object> data) {
        ModelInstance related = findById(fk);
        return related.patchAttributes(keepingOwner(related, data));
    }

    /** Deletes the related record with id {@code fk} (and, through a through model, its link). */
    public void destroyById(Object fk) {
        ModelInstance related = findById(fk);
        if (relation.hasThrough()) {
            unlink(fk);
        } else if (relation.type() == RelationType.REFERENCES_MANY) {
            unlink(fk);
        }
        related.destroy();
    }

    /** Deletes every related record (and the links to them). */
    public void destroyAll() {
        Model target = target();
        switch (relation.type()) {
            case HAS_MANY -> {
                if (relation.hasThrough()) {
                    List<Object> ids = linkedIds();
                    target.destroyAll(ScopeMerge.and(inq(target.definition().idName(), ids),
                            relation.scope().where()));
                    relations.requireModel(relation.through()).destroyAll(linkWhere(null));
                } else {
                    target.destroyAll(ScopeMerge.and(ownerCondition(), relation.scope().where()));
                }
            }
            case REFERENCES_MANY -> {
                target.destroyAll(ScopeMerge.and(inq(relation.keyTo(), referencedIds()), relation.scope().where()));
                owner.patchAttributes(Map.of(relation.keyFrom(), List.of()));
            }
            default -> throw unsupported("destroyAll");
        }
    }

    /** Patches the one related record of a hasOne. */
    public ModelInstance update(Map<String, Object> data) {
        ModelInstance related = get().orElseThrow(this::empty);
        return related.patchAttributes(keepingOwner(related, data));
    }

    /** Deletes the one related record of a hasOne. */
    public void destroy() {
        get().orElseThrow(this::empty).destroy();
    }

    /**
     * Links the record with id {@code fk} to the owner: for a through relation, creates the through record
     * (with {@code data}'s extra properties) unless one exists, and returns it; for a referencesMany, adds the
     * id to the owner's array and returns the target.
     *
     * @throws HttpError 404 when there is no record with id {@code fk}
     */
    public ModelInstance link(Object fk, Map<String, Object> data) {
        Model target = target();
        ModelInstance linked = target.findById(fk).orElseThrow(() -> HttpError.modelNotFound(target.name(), fk));
        if (relation.type() == RelationType.REFERENCES_MANY) {
            if (!referenced(fk)) {
                List<Object> ids = new ArrayList<>(Inclusion.idList(owner.get(relation.keyFrom())));
                ids.add(linked.get(relation.keyTo()));
                owner.patchAttributes(Map.of(relation.keyFrom(), ids));
            }
            return linked;
        }
        if (!relation.hasThrough()) {
            throw unsupported("link");
        }
        return linkTo(linked.id(), data == null ? Map.of() : data);
    }

    /** Removes the link to the record with id {@code fk}; the record itself stays. */
    public void unlink(Object fk) {
        if (relation.type() == RelationType.REFERENCES_MANY) {
            String key = Keys.of(fk);
            List<Object> ids = new ArrayList<>(Inclusion.idList(owner.get(relation.keyFrom())));
            ids.removeIf(id -> Objects.equals(Keys.of(id), key));
            owner.patchAttributes(Map.of(relation.keyFrom(), ids));
            return;
        }
        if (!relation.hasThrough()) {
            throw unsupported("unlink");
        }
        relations.requireModel(relation.through()).destroyAll(linkWhere(fk));
    }

    // ---- internals

    private ModelInstance linkTo(Object targetId, Map<String, Object> extra) {
        Model through = relations.requireModel(relation.through());
        Optional<ModelInstance> existing = through.findOne(Filter.where(linkWhere(targetId)));
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> link = new LinkedHashMap<>(extra);
        link.put(relation.keyTo(), owner.get(relation.keyFrom()));
        link.put(relation.keyThrough(), targetId);
        if (relation.discriminator() != null) {
            link.put(relation.discriminator(), relation.modelFrom());
        }
        return through.create(link);
    }

    private Where linkWhere(Object targetId) {
        Where where = Where.eq(relation.keyTo(), owner.get(relation.keyFrom()));
        if (relation.discriminator() != null) {
            where = ScopeMerge.and(Where.eq(relation.discriminator(), relation.modelFrom()), where);
        }
        return targetId == null ? where : ScopeMerge.and(where, Where.eq(relation.keyThrough(), targetId));
    }

    private boolean linkExists(Object fk) {
        return relations.requireModel(relation.through()).count(linkWhere(fk)) > 0;
    }

    private List<Object> linkedIds() {
        List<Object> ids = new ArrayList<>();
        for (ModelInstance link : relations.requireModel(relation.through()).find(Filter.where(linkWhere(null)))) {
            ids.add(link.get(relation.keyThrough()));
        }
        return ids;
    }

    private List<Object> referencedIds() {
        return Inclusion.idList(owner.get(relation.keyFrom()));
    }

    private boolean referenced(Object fk) {
        String key = Keys.of(fk);
        return referencedIds().stream().anyMatch(id -> Objects.equals(Keys.of(id), key));
    }

    private boolean findOptional(Object fk) {
        try {
            findById(fk);
            return true;
        } catch (HttpError e) {
            return false;
        }
    }

    /** The where selecting the owner's records on the target of a hasOne/hasMany. */
    private Where ownerCondition() {
        Where where = Where.eq(relation.keyTo(), owner.get(relation.keyFrom()));
        if (relation.discriminator() != null) {
            where = ScopeMerge.and(Where.eq(relation.discriminator(), relation.modelFrom()), where);
        }
        return where;
    }

    /** The join keys a record created through a hasOne/hasMany gets, whatever the body said. */
    private Map<String, Object> ownerKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(relation.keyTo(), owner.get(relation.keyFrom()));
        if (relation.discriminator() != null) {
            keys.put(relation.discriminator(), relation.modelFrom());
        }
        return keys;
    }

    /** As the juggler's {@code preventFkOverride}: an update may not move a record to another owner. */
    private Map<String, Object> keepingOwner(ModelInstance related, Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>(data == null ? Map.of() : data);
        if (relation.hasThrough() || relation.type() == RelationType.REFERENCES_MANY) {
            return values;
        }
        Object given = values.get(relation.keyTo());
        if (given != null && !Objects.equals(Keys.of(given), Keys.of(related.get(relation.keyTo())))) {
            throw HttpError.badRequest("Cannot override foreign key " + relation.keyTo() + " from "
                    + related.get(relation.keyTo()) + " to " + given, "FOREIGN_KEY_OVERRIDE");
        }
        return values;
    }

    /** The equality conditions of the relation's scope, set on created records as the juggler does. */
    private void scopeValues(Map<String, Object> values) {
        Where where = relation.scope().where();
        List<Where> clauses = where instanceof Where.And and ? and.clauses() : List.of(where);
        for (Where clause : clauses) {
            if (clause instanceof Where.Condition c && c.operator() == Operator.EQ && c.property().indexOf('.') < 0) {
                values.put(c.property(), c.value());
            }
        }
    }

    private Filter scoped(Where where) {
        return Filter.where(ScopeMerge.and(where, relation.scope().where()));
    }

    private Model target() {
        return relations.requireModel(relation.modelTo());
    }

    private HttpError notRelated(Object fk) {
        return new HttpError(404, "Error", "No instance with id " + fk + " found for " + relation.modelTo(),
                "MODEL_NOT_FOUND", null);
    }

    private HttpError empty() {
        return new HttpError(404, "Error", "HasOne relation " + relation.name() + " is empty", "MODEL_NOT_FOUND",
                null);
    }

    private HttpError unsupported(String operation) {
        return new HttpError(500, "Error", "Relation " + relation.name() + " (" + relation.type().jsonName()
                + ") does not support " + operation, null, null);
    }

    private static Where inq(String property, List<Object> values) {
        return new Where.Condition(property, Operator.INQ, Collections.unmodifiableList(new ArrayList<>(values)));
    }

    @SuppressWarnings("unchecked")
    private static List<ModelInstance> castList(Object related) {
        return related == null ? List.of() : (List<ModelInstance>) related;
    }
}
