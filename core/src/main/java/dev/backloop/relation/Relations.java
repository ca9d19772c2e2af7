package dev.backloop.relation;

import dev.backloop.error.HttpError;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The relations of an app's models and the models they join: what includes and relation routes look
 * relations up in. Filled at boot; read concurrently afterwards.
 */
public final class Relations {
    /** LoopBack's error code for an include or a lookup of a relation the model does not have. */
    public static final String RELATION_NOT_FOUND = "RELATION_NOT_FOUND";

    private final Map<String, Map<String, Relation>> byModel;
    private final Map<String, ModelDefinition> definitions;
    private final Map<String, Model> models = new java.util.concurrent.ConcurrentHashMap<>();
    private final Inclusion inclusion = new Inclusion(this);

    public Relations(Map<String, Map<String, Relation>> byModel, Map<String, ModelDefinition> definitions) {
        this.byModel = Map.copyOf(byModel);
        this.definitions = Map.copyOf(definitions);
    }

    /** Registers an attached model, so relations can reach its records, and lets its finds include. */
    public void addModel(Model model) {
        models.put(model.name(), model);
        model.includeResolver(inclusion);
    }

    /** What loads included relations for every model of the app. */
    public Inclusion inclusion() {
        return inclusion;
    }

    /** The relations of a model, by name, in declaration order. */
    public Map<String, Relation> of(String modelName) {
        return byModel.getOrDefault(modelName, Map.of());
    }

    /**
     * The named relation of a model.
     *
     * @throws HttpError 400 {@value #RELATION_NOT_FOUND} naming the model's relations
     */
    public Relation require(String modelName, String relationName) {
        Relation relation = of(modelName).get(relationName);
        if (relation == null) {
            String known = of(modelName).isEmpty() ? "it has no relations"
                    : "its relations are: " + String.join(", ", of(modelName).keySet());
            throw HttpError.badRequest("Relation \"" + relationName + "\" is not defined for " + modelName
                    + " model; " + known, RELATION_NOT_FOUND);
        }
        return relation;
    }

    /** The attached model of this name, if it has a datasource. */
    public Optional<Model> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /**
     * The attached model a relation reaches.
     *
     * @throws HttpError 500 when the model has no datasource (a configuration error)
     */
    public Model requireModel(String name) {
        Model model = models.get(name);
        if (model == null) {
            throw new HttpError(500, "Error", "Model \"" + name + "\" is not attached to a datasource");
        }
        return model;
    }

    /** The definition of any known model, attached or not (embedded models usually are not). */
    public Optional<ModelDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /**
     * The records related to {@code owner} through its stored relation {@code relationName}
     * ({@code author.books} in the juggler).
     *
     * @throws HttpError 400 when the model has no such relation
     * @throws IllegalArgumentException for an embedded relation ({@link #embedded} serves those)
     */
    public RelatedRecords related(ModelInstance owner, String relationName) {
        Objects.requireNonNull(owner, "owner is null");
        Relation relation = require(owner.model().name(), relationName);
        if (relation.embedded()) {
            throw new IllegalArgumentException("Relation " + relationName + " is embedded; use embedded()");
        }
        return new RelatedRecords(this, relation, owner);
    }

    /** The data embedded in {@code owner} by its embedsOne or embedsMany relation {@code relationName}. */
    public EmbeddedRecords embedded(ModelInstance owner, String relationName) {
        Objects.requireNonNull(owner, "owner is null");
        Relation relation = require(owner.model().name(), relationName);
        return new EmbeddedRecords(relation, definition(relation.modelTo()).orElse(null), owner);
    }
}
