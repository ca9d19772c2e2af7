package dev.backloop.relation;

import java.util.Locale;
import java.util.Optional;

/** The kinds of relation a model definition may declare, under LoopBack 3's names. */
public enum RelationType {
    BELONGS_TO("belongsTo", false),
    HAS_ONE("hasOne", false),
    /** Also hasMany through and hasAndBelongsToMany, which are hasMany with a through model. */
    HAS_MANY("hasMany", true),
    REFERENCES_MANY("referencesMany", true),
    EMBEDS_ONE("embedsOne", false),
    EMBEDS_MANY("embedsMany", true);

    private final String jsonName;
    private final boolean multiple;

    RelationType(String jsonName, boolean multiple) {
        this.jsonName = jsonName;
        this.multiple = multiple;
    }

    /** The name model JSON uses ({@code hasMany}). */
    public String jsonName() {
        return jsonName;
    }

    /** Whether the relation relates a list of records (answered as an array) rather than one. */
    public boolean multiple() {
        return multiple;
    }

    /** The type of a JSON {@code type}, matched case-insensitively as LoopBack does; empty when unknown. */
    static Optional<RelationType> fromJson(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("hasandbelongstomany")) {
            return Optional.of(HAS_MANY);
        }
        for (RelationType type : values()) {
            if (type.jsonName.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
