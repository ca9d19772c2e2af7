package dev.backloop.remoting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A method of a model exposed to remote callers: the one description that REST routing, ACLs, the
 * explorer and {@code disableRemoteMethodByName} all read. Built-in CRUD and custom methods are the same
 * kind of thing.
 */
public final class SharedMethod {
    private final String name;
    private final boolean isStatic;
    private final List<Accept> accepts;
    private final List<Return> returns;
    private final List<HttpRoute> routes;
    private final int status;
    private final int errorStatus;
    private final String accessType;
    private final String notes;
    private final String description;
    private final List<String> aliases;
    private final MethodHandler handler;
    private final ResultCheck resultCheck;

    private SharedMethod(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name is null");
        this.isStatic = b.isStatic;
        this.accepts = List.copyOf(b.accepts);
        this.returns = List.copyOf(b.returns);
        this.routes = List.copyOf(b.routes);
        this.status = b.status;
        this.errorStatus = b.errorStatus;
        this.accessType = b.accessType;
        this.notes = b.notes;
        this.description = b.description;
        this.aliases = List.copyOf(b.aliases);
        this.handler = Objects.requireNonNull(b.handler, "handler is null");
        this.resultCheck = b.resultCheck;
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("method " + name + " has no http route");
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding everything of this method, to change some of it. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.isStatic = isStatic;
        b.accepts.addAll(accepts);
        b.returns.addAll(returns);
        b.routes.addAll(routes);
        b.status = status;
        b.errorStatus = errorStatus;
        b.accessType = accessType;
        b.description = description;
        b.notes = notes;
        b.aliases.addAll(aliases);
        b.handler = handler;
        b.resultCheck = resultCheck;
        return b;
    }

    /** The name without the {@code prototype.} prefix ({@code patchAttributes}). */
    public String name() {
        return name;
    }

    /** LoopBack's full name: {@code find} or {@code prototype.patchAttributes}. */
    public String stringName() {
        return isStatic ? name : "prototype." + name;
    }

    public boolean isStatic() {
        return isStatic;
    }

    public List<Accept> accepts() {
        return accepts;
    }

    public List<Return> returns() {
        return returns;
    }

    /** Routes, relative to the model path; instance methods are further prefixed with {@code /:id}. */
    public List<HttpRoute> routes() {
        return routes;
    }

    /** The success status, or 0 for LoopBack's default (200, or 204 when there is nothing to return). */
    public int status() {
        return status;
    }

    /**
     * LoopBack's {@code http.errorStatus}: the status of a failure whose exception carries none, or 0 for
     * 500.
     */
    public int errorStatus() {
        return errorStatus;
    }

    /** Longer documentation for the explorer, or {@code null}; LoopBack's array form is joined by newlines. */
    public String notes() {
        return notes;
    }

    /** READ, WRITE or EXECUTE, for access control. */
    public String accessType() {
        return accessType;
    }

    public String description() {
        return description;
    }

    /** Other names the method answers to ({@code upsert} for {@code patchOrCreate}). */
    public List<String> aliases() {
        return aliases;
    }

    public MethodHandler handler() {
        return handler;
    }

    public ResultCheck resultCheck() {
        return resultCheck;
    }

    /** Whether {@code methodName} names this method, by its name, full name or an alias. */
    public boolean isNamed(String methodName) {
        if (methodName.equals(stringName())) {
            return true;
        }
        String bare = methodName.startsWith("prototype.") ? methodName.substring("prototype.".length()) : methodName;
        boolean wantsStatic = !methodName.startsWith("prototype.");
        return wantsStatic == isStatic && (bare.equals(name) || aliases.contains(bare));
    }

    /** Builds a {@link SharedMethod}; everything but the name, a route and the handler is optional. */
    public static final class Builder {
        private final String name;
        private boolean isStatic = true;
        private final List<Accept> accepts = new ArrayList<>();
        private final List<Return> returns = new ArrayList<>();
        private final List<HttpRoute> routes = new ArrayList<>();
        private int status;
        private int errorStatus;
        private String accessType = "EXECUTE";
        private String description;
        private String notes;
        private final List<String> aliases = new ArrayList<>();
        private MethodHandler handler;
        private ResultCheck resultCheck = ResultCheck.NONE;

        private Builder(String name) {
            this.name = name;
        }

        public Builder instanceMethod() {
            this.isStatic = false;
            return this;
        }

        public Builder accepts(Accept accept) {
            accepts.add(accept);
            return this;
        }

        public Builder returns(Return ret) {
            returns.add(ret);
            return this;
        }

        public Builder route(String verb, String path) {
            routes.add(new HttpRoute(verb, path));
            return this;
        }

        public Builder status(int httpStatus) {
            this.status = httpStatus;
            return this;
        }

        public Builder errorStatus(int httpStatus) {
            this.errorStatus = httpStatus;
            return this;
        }

        public Builder notes(String text) {
            this.notes = text;
            return this;
        }

        public Builder accessType(String type) {
            this.accessType = type;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder alias(String alias) {
            aliases.add(alias);
            return this;
        }

        public Builder handler(MethodHandler methodHandler) {
            this.handler = methodHandler;
            return this;
        }

        public Builder resultCheck(ResultCheck check) {
            this.resultCheck = check;
            return this;
        }

        public String name() {
            return name;
        }

        public boolean isStatic() {
            return isStatic;
        }

        public SharedMethod build() {
            return new SharedMethod(this);
        }
    }
}
