package dev.backloop.relation;

import dev.backloop.filter.Filter;
import java.util.Objects;

/**
 * One relation of a model, with every default resolved as LoopBack's juggler resolves it. The keys follow
 * the juggler's naming: the relation joins {@code modelFrom.keyFrom} to {@code modelTo.keyTo}.
 *
 * <ul>
 *   <li>belongsTo: {@code keyFrom} is the foreign key on modelFrom, {@code keyTo} the target's id;</li>
 *   <li>hasOne, hasMany: {@code keyFrom} is modelFrom's id, {@code keyTo} the foreign key on modelTo;
 *       with a {@code through} model, {@code keyTo} is the through model's key to modelFrom and
 *       {@code keyThrough} its key to modelTo;</li>
 *   <li>referencesMany: {@code keyFrom} is the array of ids on modelFrom, {@code keyTo} the target's id;</li>
 *   <li>embedsOne, embedsMany: {@code keyFrom} is the property of modelFrom holding the embedded data.</li>
 * </ul>
 *
 * @param name           the relation name (the key in {@code relations}, or {@code as})
 * @param type           its kind
 * @param modelFrom      the model declaring it
 * @param modelTo        the related model; {@code null} for a polymorphic belongsTo
 * @param keyFrom        see above
 * @param keyTo          see above
 * @param through        the through model's name, or {@code null}
 * @param keyThrough     the through model's key to modelTo, or {@code null}
 * @param discriminator  for polymorphic relations, the property naming the other side's model; else null
 * @param scope          the relation's own filter ({@link Filter#ALL} when none)
 * @param disableInclude {@code options.disableInclude}: an include of this relation is skipped
 * @param nestRemoting   {@code options.nestRemoting}: the related model's instance routes are nested
 * @param httpPath       the route segment ({@code options.http.path}, else the name)
 */
public record Relation(
        String name,
        RelationType type,
        String modelFrom,
        String modelTo,
        String keyFrom,
        String keyTo,
        String through,
        String keyThrough,
        String discriminator,
        Filter scope,
        boolean disableInclude,
        boolean nestRemoting,
        String httpPath) {

    public Relation {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(modelFrom, "modelFrom is null");
        scope = scope == null ? Filter.ALL : scope;
        httpPath = httpPath == null ? name : httpPath;
    }

    public boolean multiple() {
        return type.multiple();
    }

    /** A belongsTo whose target model is named by each record's {@link #discriminator}. */
    public boolean polymorphicBelongsTo() {
        return type == RelationType.BELONGS_TO && discriminator != null;
    }

    public boolean hasThrough() {
        return through != null;
    }

    public boolean embedded() {
        return type == RelationType.EMBEDS_ONE || type == RelationType.EMBEDS_MANY;
    }
}
