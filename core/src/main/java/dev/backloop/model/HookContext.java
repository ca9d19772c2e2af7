package dev.backloop.model;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation hook sees and may change, named as LoopBack's {@code ctx}: {@code query} for access,
 * {@code instance} or {@code data} (+ {@code currentInstance}, {@code where}) for saves, {@code where} for
 * deletes, {@code isNewInstance}, {@code info}, the caller's {@code options} and a {@code hookState} shared
 * by the hooks of one operation. Fields a hook does not see are {@code null}.
 */
public final class HookContext {
    private final Model model;
    private final Map<String, Object> options;
    private final Map<String, Object> hookState;
    private Filter query;
    private ModelInstance instance;
    private Map<String, Object> data;
    private Map<String, Object> currentInstance;
    private Where where;
    private Boolean isNewInstance;
    private Map<String, Object> info;

    HookContext(Model model, Map<String, Object> options, Map<String, Object> hookState) {
        this.model = model;
        this.options = options;
        this.hookState = hookState;
    }

    /** The model the operation runs on ({@code ctx.Model}). */
    public Model model() {
        return model;
    }

    public Filter query() {
        return query;
    }

    /** Replaces the query of an {@code access} hook, e.g. to add a where clause. */
    public void setQuery(Filter query) {
        this.query = query;
    }

    public ModelInstance instance() {
        return instance;
    }

    public Map<String, Object> data() {
        return data;
    }

    /** Replaces the data of a {@code before save}, {@code persist} or {@code loaded} hook. */
    public void setData(Map<String, Object> data) {
        this.data = data == null ? null : new LinkedHashMap<>(data);
    }

    /** The stored record a patch applies to; read only. */
    public Map<String, Object> currentInstance() {
        return currentInstance;
    }

    public Where where() {
        return where;
    }

    /** Replaces the where of an updateAll's {@code before save} or a delete's {@code before delete}. */
    public void setWhere(Where where) {
        this.where = where;
    }

    /** True for a create, false for an update, {@code null} when unknown. */
    public Boolean isNewInstance() {
        return isNewInstance;
    }

    /** After updateAll and deletes: {@code {"count": n}}. */
    public Map<String, Object> info() {
        return info;
    }

    /** What the caller passed as options; empty when none. */
    public Map<String, Object> options() {
        return options;
    }

    /** Shared by every hook of one operation, to carry state from a before hook to its after hook. */
    public Map<String, Object> hookState() {
        return hookState;
    }

    HookContext query(Filter value) {
        query = value;
        return this;
    }

    HookContext instance(ModelInstance value) {
        instance = value;
        return this;
    }

    HookContext data(Map<String, Object> value) {
        setData(value);
        return this;
    }

    HookContext currentInstance(Map<String, Object> value) {
        currentInstance = value == null ? null : java.util.Collections.unmodifiableMap(value);
        return this;
    }

    HookContext where(Where value) {
        where = value;
        return this;
    }

    HookContext isNewInstance(Boolean value) {
        isNewInstance = value;
        return this;
    }

    HookContext info(Map<String, Object> value) {
        info = value;
        return this;
    }
}
