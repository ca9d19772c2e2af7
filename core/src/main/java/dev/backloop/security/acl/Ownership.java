package dev.backloop.security.acl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * LoopBack's {@code $owner}: a user owns their own user record, and a record whose {@code userId} or
 * {@code ownerId}, or the foreign key of a belongsTo relation to a user model, is the user's id.
 */
final class Ownership {
    private final Set<String> userModels;

    Ownership(Set<String> userModels) {
        this.userModels = Set.copyOf(userModels);
    }

    boolean owns(AccessContext ctx) {
        if (ctx.userId() == null || ctx.modelId() == null) {
            return false;
        }
        Model model = ctx.model();
        if (userModels.contains(model.name())) {
            return model.name().equals(ctx.userModel()) && same(ctx.modelId(), ctx.userId());
        }
        Optional<ModelInstance> instance = ctx.invocation() != null && ctx.invocation().instance() != null
                ? Optional.of(ctx.invocation().instance()) : model.findById(ctx.modelId());
        if (instance.isEmpty()) {
            return false;
        }
        Map<String, Object> data = instance.get().data();
        Iterator<Map.Entry<String, JsonNode>> relations = model.definition().settings().path("relations").fields();
        while (relations.hasNext()) {
            Map.Entry<String, JsonNode> relation = relations.next();
            JsonNode r = relation.getValue();
            if ("belongsTo".equals(r.path("type").asText()) && ctx.userModel() != null
                    && (ctx.userModel().equals(r.path("model").asText()) || userModels.contains(r.path("model").asText()))) {
                String foreignKey = r.path("foreignKey").asText("");
                Object owner = data.get(foreignKey.isEmpty() ? relation.getKey() + "Id" : foreignKey);
                if (owner != null) {
                    return same(owner, ctx.userId());
                }
            }
        }
        for (String property : new String[] {"userId", "ownerId"}) {
            if (data.get(property) != null) {
                return same(data.get(property), ctx.userId());
            }
        }
        return false;
    }

    /**
     * The properties that name a record's owner: foreign keys of belongsTo relations to a user model, then
     * {@code userId} and {@code ownerId}. A user model has none (a user owns itself).
     */
    java.util.List<String> ownerProperties(Model model) {
        java.util.List<String> properties = new java.util.ArrayList<>();
        if (userModels.contains(model.name())) {
            return properties;
        }
        Iterator<Map.Entry<String, JsonNode>> relations = model.definition().settings().path("relations").fields();
        while (relations.hasNext()) {
            Map.Entry<String, JsonNode> relation = relations.next();
            JsonNode r = relation.getValue();
            if ("belongsTo".equals(r.path("type").asText()) && userModels.contains(r.path("model").asText())) {
                String foreignKey = r.path("foreignKey").asText("");
                properties.add(foreignKey.isEmpty() ? relation.getKey() + "Id" : foreignKey);
            }
        }
        properties.add("userId");
        properties.add("ownerId");
        return properties;
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(String.valueOf(a), String.valueOf(b));
    }
}
