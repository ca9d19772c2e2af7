package dev.backloop.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backloop.error.HttpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InvokerTest {
    private final RemoteHooks hooks = new RemoteHooks();
    private final Invoker invoker = new Invoker(hooks);

    private Invocation call(SharedMethod method, Map<String, Object> args) throws Exception {
        SharedClass books = SharedMethodSettingsTest.books();
        return new Invocation(books.model(), method, args, null);
    }

    @Test
    void hooksRunInOrderAroundTheMethod() throws Exception {
        List<String> order = new ArrayList<>();
        SharedMethod greet = MethodOptions.read("greet", Map.of(
                "accepts", Map.of("arg", "msg", "type", "string"),
                "returns", Map.of("arg", "greeting", "type", "string")))
                .handler(ctx -> {
                    order.add("method");
                    return "Hi " + ctx.arg("msg");
                }).build();
        hooks.before("**", ctx -> order.add("**"));
        hooks.before("Book.greet", ctx -> {
            order.add("Book.greet");
            ctx.setArg("msg", "Ann");
        });
        hooks.before("Book.prototype.*", ctx -> order.add("prototype"));
        hooks.after("Book.*", ctx -> ctx.setResult(Map.of("data", ctx.result())));
        Invocation ctx = call(greet, Map.of("msg", "Bob"));
        invoker.invokeAndWait(ctx, "POST");
        assertThat(order).containsExactly("Book.greet", "**", "method");
        assertThat(ctx.result()).isEqualTo(Map.of("data", Map.of("greeting", "Hi Ann")));
    }

    @Test
    void completionStagesAreAwaitedAndTheirFailuresUnwrapped() throws Exception {
        SharedMethod later = MethodOptions.read("later", Map.of("returns", Map.of("arg", "n", "type", "number", "root", true)))
                .handler(ctx -> CompletableFuture.supplyAsync(() -> 7)).build();
        Invocation ok = call(later, Map.of());
        invoker.invokeAndWait(ok, "POST");
        assertThat(ok.result()).isEqualTo(7);

        SharedMethod fails = MethodOptions.read("fails", Map.of())
                .handler(ctx -> CompletableFuture.failedFuture(new HttpError(409, "Error", "taken"))).build();
        Throwable thrown = catchThrowable(() -> invoker.invokeAndWait(call(fails, Map.of()), "POST"));
        assertThat(thrown).isInstanceOf(HttpError.class).hasMessage("taken");
    }

    @Test
    void errorStatusAppliesToExceptionsWithoutOne() throws Exception {
        SharedMethod fails = MethodOptions.read("fails", Map.of("http", Map.of("errorStatus", 422)))
                .handler(ctx -> {
                    throw new IllegalArgumentException("bad");
                }).build();
        List<Throwable> seen = new ArrayList<>();
        hooks.afterError("Book.fails", ctx -> seen.add(ctx.error()));
        Throwable thrown = catchThrowable(() -> invoker.invokeAndWait(call(fails, Map.of()), "POST"));
        assertThat(thrown).isInstanceOf(HttpError.class).hasMessage("bad");
        assertThat(((HttpError) thrown).statusCode()).isEqualTo(422);
        assertThat(seen).containsExactly(thrown);
    }

    @Test
    void targetsGoToTheResponse() throws Exception {
        SharedMethod m = MethodOptions.read("m", Map.of("returns", List.of(
                Map.of("arg", "code", "http", Map.of("target", "status")),
                Map.of("arg", "loc", "http", Map.of("target", "header", "header", "Location")),
                Map.of("arg", "id", "type", "number"))))
                .handler(ctx -> Map.of("code", 201, "loc", "/x/1", "id", 1)).build();
        Invocation ctx = call(m, Map.of());
        invoker.invokeAndWait(ctx, "POST");
        assertThat(ctx.response().status()).isEqualTo(201);
        assertThat(ctx.response().header("location")).isEqualTo("/x/1");
        assertThat(ctx.result()).isEqualTo(Map.of("id", 1));
    }

    @Test
    void noReturnsMeansNothingToSend() throws Exception {
        SharedMethod m = MethodOptions.read("m", Map.of()).handler(ctx -> "ignored").build();
        Invocation ctx = call(m, Map.of());
        invoker.invokeAndWait(ctx, "POST");
        assertThat(ctx.result()).isNull();
    }
}
