package dev.backloop.http;

import dev.backloop.app.App;
import dev.backloop.app.ModelCustomizer;
import dev.backloop.error.HttpError;
import dev.backloop.remoting.RemoteResponse;
import dev.backloop.remoting.RemoteRequest;
import dev.backloop.remoting.SharedClass;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The remoting fixture's Gadget: custom methods declared from Java, covering every remoting option. */
public final class GadgetCode implements ModelCustomizer {
    /** Results of {@code park} calls, completed by {@code unpark} calls, by token. */
    static final Map<String, CompletableFuture<Object>> PARKED = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String model() {
        return "Gadget";
    }

    @Override
    public void customize(SharedClass gadget, App app) {
        // each argument's coerced value and its JSON-visible kind
        gadget.remoteMethod("echo", Map.of(
                "accepts", List.of(
                        Map.of("arg", "n", "type", "number"),
                        Map.of("arg", "i", "type", "integer"),
                        Map.of("arg", "b", "type", "boolean"),
                        Map.of("arg", "d", "type", "date"),
                        Map.of("arg", "o", "type", "object"),
                        Map.of("arg", "a", "type", "[number]"),
                        Map.of("arg", "s", "type", "string"),
                        Map.of("arg", "x", "type", "any")),
                "returns", Map.of("arg", "args", "type", "object", "root", true),
                "http", List.of(Map.of("verb", "get", "path", "/echo"), Map.of("verb", "post", "path", "/echo"))),
                ctx -> describe(ctx.args()));

        gadget.remoteMethod("need", Map.of(
                "accepts", Map.of("arg", "q", "type", "string", "required", true),
                "returns", Map.of("arg", "q", "type", "string"),
                "http", Map.of("verb", "get")), ctx -> ctx.arg("q"));

        gadget.remoteMethod("sources", Map.of(
                "accepts", List.of(
                        Map.of("arg", "kind", "type", "string", "http", Map.of("source", "path")),
                        Map.of("arg", "x-token", "type", "string", "http", Map.of("source", "header")),
                        Map.of("arg", "field", "type", "number", "http", Map.of("source", "form")),
                        Map.of("arg", "data", "type", "object", "http", Map.of("source", "body")),
                        Map.of("arg", "q", "type", "boolean", "http", Map.of("source", "query")),
                        Map.of("arg", "req", "type", "object", "http", Map.of("source", "req")),
                        Map.of("arg", "res", "type", "object", "http", Map.of("source", "res")),
                        Map.of("arg", "ctx", "type", "object", "http", Map.of("source", "context"))),
                "returns", Map.of("arg", "data", "type", "object", "root", true),
                "http", Map.of("verb", "post", "path", "/sources/:kind")), ctx -> {
                    ((RemoteResponse) ctx.arg("res")).header("X-Seen-Verb", ((RemoteRequest) ctx.arg("req")).verb());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("kind", ctx.arg("kind"));
                    out.put("token", ctx.arg("x-token"));
                    out.put("field", ctx.arg("field"));
                    out.put("data", ctx.arg("data"));
                    out.put("q", ctx.arg("q"));
                    out.put("method", ((dev.backloop.remoting.Invocation) ctx.arg("ctx")).methodString());
                    return out;
                });

        // LoopBack's http function: the argument computed from the request
        gadget.add(dev.backloop.remoting.SharedMethod.builder("mapped")
                .accepts(dev.backloop.remoting.Accept.of("lang", "string", dev.backloop.remoting.HttpSource.AUTO)
                        .mappedBy(ctx -> String.valueOf(ctx.request().header("Accept-Language")).split(",")[0]))
                .returns(dev.backloop.remoting.Return.property("lang", "string"))
                .route("get", "/mapped").handler(ctx -> ctx.arg("lang")).build());

        gadget.remoteMethod("fail", Map.of(
                "accepts", Map.of("arg", "kind", "type", "string"),
                "http", Map.of("verb", "get", "errorStatus", 422)), ctx -> {
                    switch (String.valueOf(ctx.arg("kind"))) {
                        case "http" -> throw new HttpError(409, "Error", "taken", "TAKEN", null);
                        case "replace" -> throw new IllegalStateException("will be replaced");
                        default -> throw new IllegalStateException("no good");
                    }
                });
        gadget.remoteMethod("crash", Map.of("http", Map.of("verb", "get")), ctx -> {
            throw new IllegalStateException("boom");
        });
        gadget.remoteMethod("created", Map.of(
                "returns", Map.of("arg", "data", "type", "object", "root", true),
                "http", Map.of("verb", "post", "status", 201)), ctx -> Map.of("ok", true));
        gadget.remoteMethod("nothing", Map.of("http", Map.of("verb", "post")), ctx -> "ignored");
        gadget.remoteMethod("later", Map.of(
                "accepts", Map.of("arg", "n", "type", "number"),
                "returns", Map.of("arg", "twice", "type", "number"),
                "http", Map.of("verb", "get")),
                ctx -> CompletableFuture.supplyAsync(() -> ((Number) ctx.arg("n")).longValue() * 2));
        gadget.remoteMethod("laterFail", Map.of("http", Map.of("verb", "get")),
                ctx -> CompletableFuture.failedFuture(new HttpError(418, "Error", "a teapot")));
        // a result completed by another request: nothing runs for "park" until "unpark" completes it
        gadget.remoteMethod("park", Map.of(
                "accepts", Map.of("arg", "token", "type", "string", "required", true),
                "returns", Map.of("arg", "value", "type", "string"),
                "http", Map.of("verb", "get")),
                ctx -> PARKED.computeIfAbsent((String) ctx.arg("token"), t -> new CompletableFuture<>()));
        gadget.remoteMethod("unpark", Map.of(
                "accepts", Map.of("arg", "token", "type", "string", "required", true),
                "returns", Map.of("arg", "thread", "type", "string"),
                "http", Map.of("verb", "post")), ctx -> {
                    PARKED.computeIfAbsent((String) ctx.arg("token"), t -> new CompletableFuture<>()).complete("released");
                    return Thread.currentThread().getName();
                });
        app.remotes().after("Gadget.park", ctx -> ctx.response().header("X-Thread", Thread.currentThread().getName()));
        gadget.remoteMethod("targets", Map.of(
                "returns", List.of(
                        Map.of("arg", "code", "type", "number", "http", Map.of("target", "status")),
                        Map.of("arg", "custom", "type", "string", "http", Map.of("target", "header", "header", "X-Custom")),
                        Map.of("arg", "value", "type", "string")),
                "http", Map.of("verb", "get")),
                ctx -> Map.of("code", 202, "custom", "yes", "value", "v"));
        gadget.remoteMethod("multi", Map.of(
                "returns", List.of(Map.of("arg", "a", "type", "number"), Map.of("arg", "b", "type", "string")),
                "http", Map.of("verb", "get")), ctx -> Map.of("a", 1, "b", "x"));
        gadget.remoteMethod("list", Map.of(
                "returns", Map.of("arg", "items", "type", "array", "root", true),
                "http", Map.of("verb", "get")), ctx -> List.of(1, 2, 3));
        gadget.remoteMethod("scalar", Map.of(
                "returns", Map.of("arg", "n", "type", "number", "root", true),
                "http", Map.of("verb", "get")), ctx -> 42);
        gadget.remoteMethod("download", Map.of(
                "accepts", Map.of("arg", "size", "type", "number", "required", true),
                "returns", List.of(Map.of("arg", "body", "type", "file", "root", true),
                        Map.of("arg", "Content-Type", "type", "string", "http", Map.of("target", "header"))),
                "http", Map.of("verb", "get")),
                ctx -> Map.of("body", new PatternStream(((Number) ctx.arg("size")).longValue()), "Content-Type", "text/plain"));
        gadget.remoteMethod("text", Map.of(
                "returns", Map.of("arg", "body", "type", "file", "root", true),
                "http", Map.of("verb", "get")), ctx -> "plain text");
        gadget.remoteMethod("file", Map.of(
                "accepts", Map.of("arg", "kind", "type", "string"),
                "returns", List.of(Map.of("arg", "body", "type", "file", "root", true),
                        Map.of("arg", "Content-Type", "type", "string", "http", Map.of("target", "header"))),
                "http", Map.of("verb", "get")), ctx -> {
                    if ("bytes".equals(ctx.arg("kind"))) {
                        return Map.of("body", new byte[] {1, 2, 3}, "Content-Type", "application/x-raw");
                    }
                    java.nio.file.Path file = java.nio.file.Files.createTempFile("gadget", ".csv");
                    file.toFile().deleteOnExit();
                    java.nio.file.Files.writeString(file, "a,b\n1,2\n");
                    return Map.of("body", file, "Content-Type", "text/csv");
                });
        gadget.remoteMethod("prototype.rename", Map.of(
                "accepts", Map.of("arg", "name", "type", "string", "required", true),
                "returns", Map.of("arg", "data", "type", "Gadget", "root", true)),
                ctx -> ctx.instance().patchAttributes(Map.of("name", ctx.arg("name"))));
        gadget.remoteMethod("anyVerb", Map.of(
                "returns", Map.of("arg", "verb", "type", "string"),
                "http", Map.of("verb", "all", "path", "/any")), ctx -> ctx.request().verb());
        gadget.remoteMethod("hidden", Map.of("http", Map.of("verb", "get")), ctx -> null);
        gadget.disableRemoteMethodByName("hidden");
        gadget.disableRemoteMethodByName("prototype.patchAttributes");

        // hooks: order by specificity, arguments and results replaced, calls refused, errors replaced
        gadget.remoteMethod("hooked", Map.of(
                "accepts", Map.of("arg", "n", "type", "number"),
                "returns", Map.of("arg", "n", "type", "number"),
                "http", Map.of("verb", "get")), ctx -> ctx.arg("n"));
        app.remotes().before("**", ctx -> order(ctx, "**"));
        app.remotes().before("Gadget.*", ctx -> order(ctx, "Gadget.*"));
        app.remotes().before("Gadget.hooked", ctx -> {
            order(ctx, "Gadget.hooked");
            if (ctx.arg("n") instanceof Number n) {
                ctx.setArg("n", n.longValue() * 10);
            }
            if ("no".equals(ctx.request().header("X-Allow"))) {
                throw new HttpError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null);
            }
        });
        app.remotes().before("Gadget.prototype.*", ctx -> order(ctx, "Gadget.prototype.*"));
        app.remotes().after("Gadget.hooked", ctx -> ctx.setResult(Map.of("data", ctx.result())));
        app.remotes().afterError("Gadget.fail", ctx -> {
            // the error as the client would get it (422 from errorStatus), its cause the handler's exception
            if (ctx.error().getCause() instanceof IllegalStateException e && e.getMessage().equals("will be replaced")) {
                throw new HttpError(503, "Error", "replaced by the hook");
            }
        });
    }

    private static void order(dev.backloop.remoting.Invocation ctx, String name) {
        String before = ctx.response().header("X-Order");
        ctx.response().header("X-Order", before == null ? name : before + "," + name);
    }

    private static Map<String, Object> describe(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((name, value) -> {
            if (value != null) {
                out.put(name, value instanceof Instant i ? i.toString() : value);
                out.put(name + "Kind", value.getClass().getSimpleName());
            }
        });
        return out;
    }

    /** A stream of {@code size} bytes cycling a-z, made as it is read. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? 'a' + (int) (position++ % 26) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int k = 0; k < n; k++) {
                b[off + k] = (byte) ('a' + (int) (position++ % 26));
            }
            return n;
        }
    }
}
