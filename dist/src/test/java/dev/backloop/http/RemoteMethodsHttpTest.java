package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.boot.BootException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom remote methods over HTTP: the "remoting" fixture declares Person's methods in JSON (implemented
 * by {@link PersonCode}) and Gadget's from Java ({@link GadgetCode}).
 */
class RemoteMethodsHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() {
        app = new AppUnderTest(TestApps.copy("remoting", tempDir), Map.of());
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    // ---- the seed example

    @Test
    void greetFromTheJsonDeclarationOverPost() {
        HttpClientSupport.Reply reply = http.post("/api/people/greet", "{\"msg\":\"John\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.text()).isEqualTo("{\"greeting\":\"Greetings... John\"}");
    }

    @Test
    void greetOverItsSecondRouteWithAQueryArgument() {
        HttpClientSupport.Reply reply = http.get("/api/people/sayhi?msg=LoopBack%20developer");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("{\"greeting\":\"Greetings... LoopBack developer\"}");
    }

    @Test
    void instanceMethodsLoadTheInstanceFirst() {
        String id = http.post("/api/people", "{\"name\":\"Ann\"}").json().get("id").asText();
        assertThat(http.get("/api/people/" + id + "/shout?times=2").text()).isEqualTo("{\"text\":\"ANN! ANN!\"}");
        assertThat(http.get("/api/people/" + id + "/shout").text()).isEqualTo("{\"text\":\"ANN!\"}");
        HttpClientSupport.Reply missing = http.get("/api/people/99/shout");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(missing.error().get("message").asText()).isEqualTo("could not find a model with id 99");
    }

    @Test
    void javaDeclaredInstanceMethodWithRequiredArgument() {
        String id = http.post("/api/gadgets", "{\"name\":\"knob\"}").json().get("id").asText();
        HttpClientSupport.Reply renamed = http.post("/api/gadgets/" + id + "/rename", "{\"name\":\"dial\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("dial");
        assertThat(http.get("/api/gadgets/" + id).json().get("name").asText()).isEqualTo("dial");
        HttpClientSupport.Reply missingArg = http.post("/api/gadgets/" + id + "/rename", "{}");
        assertThat(missingArg.status()).isEqualTo(400);
        assertThat(missingArg.error().get("message").asText()).isEqualTo("name is a required argument");
        assertThat(http.post("/api/gadgets/77/rename", "{\"name\":\"x\"}").status()).isEqualTo(404);
    }

    // ---- arguments

    @Test
    void textArgumentsAreCoercedAsLoopBackDoes() {
        HttpClientSupport.Reply reply = http.get("/api/gadgets/echo?n=4.5&i=7&b=false&d=2026-11-23T10:00:00.000Z"
                + "&o=" + q("{\"a\":[1,2]}") + "&a=" + q("[1,2.5]") + "&s=42&x=true");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("{\"n\":4.5,\"nKind\":\"Double\",\"i\":7,\"iKind\":\"Long\","
                + "\"b\":false,\"bKind\":\"Boolean\",\"d\":\"2026-11-23T10:00:00Z\",\"dKind\":\"Instant\","
                + "\"o\":{\"a\":[1,2]},\"oKind\":\"LinkedHashMap\",\"a\":[1,2.5],\"aKind\":\"ArrayList\","
                + "\"s\":\"42\",\"sKind\":\"String\",\"x\":true,\"xKind\":\"Boolean\"}");
    }

    @Test
    void datesAcceptEpochMillisAndPlainDates() {
        assertThat(http.get("/api/gadgets/echo?d=0").json().get("d").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(http.get("/api/gadgets/echo?d=2026-11-23").json().get("d").asText())
                .isEqualTo("2026-11-23T00:00:00Z");
    }

    @Test
    void qsNestingAndSingleValuesForArrays() {
        HttpClientSupport.Reply reply = http.get("/api/gadgets/echo?o[where][name]=x&a=3");
        assertThat(reply.json().get("o").toString()).isEqualTo("{\"where\":{\"name\":\"x\"}}");
        assertThat(reply.json().get("a").toString()).isEqualTo("[3]");
    }

    @Test
    void anyArgumentsGuessTheirTypeFromText() {
        assertThat(http.get("/api/gadgets/echo?x=12").json().get("xKind").asText()).isEqualTo("Long");
        assertThat(http.get("/api/gadgets/echo?x=" + q("{\"k\":1}")).json().get("x").toString()).isEqualTo("{\"k\":1}");
        assertThat(http.get("/api/gadgets/echo?x=" + q("{oops}")).json().get("x").asText()).isEqualTo("{oops}");
        assertThat(http.get("/api/gadgets/echo?x=abc").json().get("x").asText()).isEqualTo("abc");
    }

    @Test
    void jsonBodyValuesKeepTheirTypes() {
        HttpClientSupport.Reply ok = http.post("/api/gadgets/echo", "{\"n\":3,\"b\":true,\"s\":\"t\",\"a\":[1]}");
        assertThat(ok.text()).isEqualTo("{\"n\":3,\"nKind\":\"Integer\",\"b\":true,\"bKind\":\"Boolean\","
                + "\"a\":[1],\"aKind\":\"ArrayList\",\"s\":\"t\",\"sKind\":\"String\"}");
        assertBadArgument(http.post("/api/gadgets/echo", "{\"n\":\"3\"}"),
                "Invalid value for argument 'n' of type 'number': \"3\" is not a number.");
        assertBadArgument(http.post("/api/gadgets/echo", "{\"b\":\"true\"}"),
                "Invalid value for argument 'b' of type 'boolean': \"true\" is not a boolean.");
        assertBadArgument(http.post("/api/gadgets/echo", "{\"s\":5}"),
                "Invalid value for argument 's' of type 'string': 5 is not a string.");
        assertBadArgument(http.post("/api/gadgets/echo", "{\"a\":[\"x\"]}"),
                "Invalid value for argument 'a' of type 'number': \"x\" is not a number.");
    }

    @Test
    void formBodiesAreTextAndCoercedSloppily() {
        HttpClientSupport.Reply reply = http.send("POST", "/api/gadgets/echo", "n=5&b=1",
                "application/x-www-form-urlencoded");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("n").asLong()).isEqualTo(5);
        assertThat(reply.json().get("b").asBoolean()).isTrue();
    }

    @Test
    void textThatCannotBeOfTheTypeIs400() {
        assertBadArgument(http.get("/api/gadgets/echo?n=abc"),
                "Invalid value for argument 'n' of type 'number': \"abc\" is not a number.");
        assertBadArgument(http.get("/api/gadgets/echo?i=1.5"),
                "Invalid value for argument 'i' of type 'integer': \"1.5\" is not a safe integer.");
        assertBadArgument(http.get("/api/gadgets/echo?b=maybe"),
                "Invalid value for argument 'b' of type 'boolean': \"maybe\" is not a boolean.");
        assertBadArgument(http.get("/api/gadgets/echo?d=yesterday"),
                "Invalid value for argument 'd' of type 'date': \"yesterday\" is not a valid date.");
        assertBadArgument(http.get("/api/gadgets/echo?o=" + q("{oops")),
                "Invalid value for argument 'o' of type 'object': \"{oops\" is not valid JSON: Unexpected character "
                        + "('o' (code 111)): was expecting double-quote to start field name.");
        assertBadArgument(http.get("/api/gadgets/echo?o=plain"),
                "Invalid value for argument 'o' of type 'object': \"plain\" is not valid JSON: Unrecognized token "
                        + "'plain': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false').");
        assertBadArgument(http.get("/api/gadgets/echo?s=a&s=b"),
                "Invalid value for argument 's' of type 'string': an array is not a string.");
        assertBadArgument(http.get("/api/gadgets/echo?s[neq]=x"),
                "Invalid value for argument 's' of type 'string': an object is not a string.");
    }

    @Test
    void missingRequiredArgumentIs400() {
        HttpClientSupport.Reply reply = http.get("/api/gadgets/need");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("name").asText()).isEqualTo("Error");
        assertThat(reply.error().get("message").asText()).isEqualTo("q is a required argument");
        assertThat(http.get("/api/gadgets/need?q=").status()).isEqualTo(400);
        assertThat(http.get("/api/gadgets/need?q=x").text()).isEqualTo("{\"q\":\"x\"}");
    }

    @Test
    void malformedJsonBodyForACustomMethodIs400() {
        HttpClientSupport.Reply reply = http.post("/api/people/greet", "{\"msg\":");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("name").asText()).isEqualTo("SyntaxError");
        assertThat(reply.error().get("code").asText()).isEqualTo("entity.parse.failed");
    }

    @Test
    void everyHttpSource() {
        HttpResponse<byte[]> raw = http.exchange("POST", "/api/gadgets/sources/red?q=1",
                "{\"field\":7,\"other\":true}".getBytes(),
                Map.of("Content-Type", "application/json", "X-Token", "secret"));
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(new String(raw.body())).isEqualTo("{\"kind\":\"red\",\"token\":\"secret\",\"field\":7,"
                + "\"data\":{\"field\":7,\"other\":true},\"q\":true,\"method\":\"Gadget.sources\"}");
        assertThat(raw.headers().firstValue("X-Seen-Verb")).contains("POST");
    }

    @Test
    void anArgumentMappedFromTheRequest() {
        HttpResponse<byte[]> raw = http.exchange("GET", "/api/gadgets/mapped", null,
                Map.of("Accept-Language", "fr-CH,fr;q=0.9"));
        assertThat(new String(raw.body())).isEqualTo("{\"lang\":\"fr-CH\"}");
    }

    // ---- results and statuses

    @Test
    void resultShapes() {
        assertThat(http.get("/api/gadgets/multi").text()).isEqualTo("{\"a\":1,\"b\":\"x\"}");
        assertThat(http.get("/api/gadgets/list").text()).isEqualTo("[1,2,3]");
        assertThat(http.get("/api/gadgets/scalar").text()).isEqualTo("42");
        HttpClientSupport.Reply created = http.post("/api/gadgets/created", "{}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).isEqualTo("{\"ok\":true}");
        HttpClientSupport.Reply nothing = http.post("/api/gadgets/nothing", "{}");
        assertThat(nothing.status()).isEqualTo(204);
        assertThat(nothing.text()).isEmpty();
    }

    @Test
    void statusAndHeaderTargets() {
        HttpClientSupport.Reply reply = http.get("/api/gadgets/targets");
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.raw().headers().firstValue("X-Custom")).contains("yes");
        assertThat(reply.text()).isEqualTo("{\"value\":\"v\"}");
    }

    @Test
    void completionStageResults() {
        assertThat(http.get("/api/gadgets/later?n=21").text()).isEqualTo("{\"twice\":42}");
        HttpClientSupport.Reply failed = http.get("/api/gadgets/laterFail");
        assertThat(failed.status()).isEqualTo(418);
        assertThat(failed.error().get("message").asText()).isEqualTo("a teapot");
    }

    @Test
    void aPendingStageHoldsNoThread() throws Exception {
        // The parked call's after hook runs on whichever thread completes its stage. Once the server has
        // suspended the call, that is the releasing request's thread: proof that no thread waited. If the
        // release wins the race against the suspension, the parked thread finishes the call itself, so
        // the scenario is repeated until the suspended case is seen.
        boolean ranOnReleasingThread = false;
        for (int attempt = 0; attempt < 20 && !ranOnReleasingThread; attempt++) {
            String token = "t" + attempt;
            java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> parked = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> http.exchange("GET", "/api/gadgets/park?token=" + token, null, Map.of()));
            while (!GadgetCode.PARKED.containsKey(token)) {
                Thread.onSpinWait();
            }
            Thread.sleep(20); // lets the server reach the suspension most of the time; correctness does not depend on it
            String releasingThread = http.post("/api/gadgets/unpark?token=" + token, "{}").json().get("thread").asText();
            HttpResponse<byte[]> answer = parked.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(new String(answer.body())).isEqualTo("{\"value\":\"released\"}");
            ranOnReleasingThread = answer.headers().firstValue("X-Thread").orElseThrow().equals(releasingThread);
        }
        assertThat(ranOnReleasingThread).as("a parked call completed by another request's thread").isTrue();
    }

    @Test
    void errorStatusRules() {
        HttpClientSupport.Reply fallback = http.get("/api/gadgets/fail");
        assertThat(fallback.status()).isEqualTo(422);
        assertThat(fallback.error().get("statusCode").asInt()).isEqualTo(422);
        assertThat(fallback.error().get("message").asText()).isEqualTo("no good");
        HttpClientSupport.Reply own = http.get("/api/gadgets/fail?kind=http");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.error().get("code").asText()).isEqualTo("TAKEN");
        HttpClientSupport.Reply crash = http.get("/api/gadgets/crash");
        assertThat(crash.status()).isEqualTo(500);
        assertThat(crash.error().get("message").asText()).isEqualTo("boom");
    }

    @Test
    void fileResultsStreamWithTheirContentType() {
        HttpResponse<byte[]> download = http.exchange("GET", "/api/gadgets/download?size=30", null, Map.of());
        assertThat(download.statusCode()).isEqualTo(200);
        // Jetty names the charset it assumes for text types
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(new String(download.body())).isEqualTo("abcdefghijklmnopqrstuvwxyzabcd");
        HttpResponse<byte[]> file = http.exchange("GET", "/api/gadgets/file", null, Map.of());
        assertThat(file.headers().firstValue("Content-Type")).contains("text/csv");
        assertThat(new String(file.body())).isEqualTo("a,b\n1,2\n");
        HttpResponse<byte[]> bytes = http.exchange("GET", "/api/gadgets/file?kind=bytes", null, Map.of());
        assertThat(bytes.headers().firstValue("Content-Type")).contains("application/x-raw");
        assertThat(bytes.body()).containsExactly(1, 2, 3);
        HttpResponse<byte[]> text = http.exchange("GET", "/api/gadgets/text", null, Map.of());
        assertThat(text.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(new String(text.body())).isEqualTo("plain text");
    }

    @Test
    void verbAllAnswersEveryVerb() {
        assertThat(http.get("/api/gadgets/any").text()).isEqualTo("{\"verb\":\"GET\"}");
        assertThat(http.delete("/api/gadgets/any").text()).isEqualTo("{\"verb\":\"DELETE\"}");
        assertThat(http.post("/api/gadgets/any", "{}").text()).isEqualTo("{\"verb\":\"POST\"}");
    }

    // ---- hooks

    @Test
    void hooksRunMostSpecificFirstAndMayReplaceArgsAndResult() {
        HttpClientSupport.Reply reply = http.get("/api/gadgets/hooked?n=4");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().firstValue("X-Order")).contains("Gadget.hooked,Gadget.*,**");
        assertThat(reply.text()).isEqualTo("{\"data\":{\"n\":40}}");
    }

    @Test
    void prototypeWildcardMatchesOnlyInstanceMethods() {
        String id = http.post("/api/gadgets", "{\"name\":\"knob\"}").json().get("id").asText();
        HttpClientSupport.Reply reply = http.post("/api/gadgets/" + id + "/rename", "{\"name\":\"dial\"}");
        assertThat(reply.raw().headers().firstValue("X-Order")).contains("Gadget.prototype.*,**");
        assertThat(http.get("/api/gadgets/count").raw().headers().firstValue("X-Order")).contains("Gadget.*,**");
    }

    @Test
    void aBeforeHookCanRefuseTheCall() {
        HttpResponse<byte[]> refused = http.exchange("GET", "/api/gadgets/hooked?n=1", null, Map.of("X-Allow", "no"));
        assertThat(refused.statusCode()).isEqualTo(401);
        // the refusing hook is the most specific, so it runs first and the others never; the header it
        // set before refusing stays on the error answer
        assertThat(refused.headers().firstValue("X-Order")).contains("Gadget.hooked");
        assertThat(new String(refused.body())).contains("\"code\":\"AUTHORIZATION_REQUIRED\"");
    }

    @Test
    void anAfterErrorHookCanReplaceTheError() {
        HttpClientSupport.Reply reply = http.get("/api/gadgets/fail?kind=replace");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.error().get("message").asText()).isEqualTo("replaced by the hook");
    }

    // ---- hiding methods

    @Test
    void disabledMethodsHaveNoRoute() {
        assertThat(http.get("/api/gadgets/hidden").status()).isEqualTo(404);
        String id = http.post("/api/gadgets", "{\"name\":\"knob\"}").json().get("id").asText();
        assertThat(http.patch("/api/gadgets/" + id, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(app.app.restApi().routes()).noneMatch(r -> r.contains("hidden"));
    }

    @Test
    void sharedMethodsSettingsOfConfigAndModelConfig() {
        String person = http.post("/api/people", "{\"name\":\"Ann\"}").json().get("id").asText();
        // config.json turns deleteById off for every model...
        assertThat(http.delete("/api/people/" + person).status()).isEqualTo(404);
        // ...and Gadget's model-config entry turns it back on
        String gadget = http.post("/api/gadgets", "{\"name\":\"knob\"}").json().get("id").asText();
        assertThat(http.delete("/api/gadgets/" + gadget).text()).isEqualTo("{\"count\":1}");
    }

    @Test
    void aReadOnlyModel() {
        app.app.model("Product").create(Map.of("name", "Lamp"));
        assertThat(http.get("/api/products").json()).hasSize(1);
        assertThat(http.get("/api/products/1").json().get("name").asText()).isEqualTo("Lamp");
        assertThat(http.get("/api/products/count").text()).isEqualTo("{\"count\":1}");
        assertThat(http.get("/api/products/1/exists").text()).isEqualTo("{\"exists\":true}");
        assertThat(http.post("/api/products", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.put("/api/products/1", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.patch("/api/products", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.delete("/api/products/1").status()).isEqualTo(404);
        assertThat(http.post("/api/products/update", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(app.app.model("Product").count(null)).isEqualTo(1);
    }

    @Test
    void aMethodDeclaredInJsonWithoutCodeFailsBoot() {
        Path dir = TestApps.copy("remoting-unbound", tempDir);
        assertThatThrownBy(() -> TestApps.boot(dir, Map.of()))
                .isInstanceOf(BootException.class)
                .hasMessage("Model Orphan declares remote method \"ping\" in \"methods\" with no Java code: ship a "
                        + "dev.backloop.app.ModelCustomizer for model \"Orphan\" that calls implement(name, handler)");
    }

    private static void assertBadArgument(HttpClientSupport.Reply reply, String message) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("statusCode").asInt()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).isEqualTo(message);
    }
}
