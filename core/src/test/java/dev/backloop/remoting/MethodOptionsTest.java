package dev.backloop.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodOptionsTest {
    private static SharedMethod read(String name, String json) throws Exception {
        return MethodOptions.read(name, new ObjectMapper().readTree(json.replace('\'', '"')))
                .handler(ctx -> null).build();
    }

    @Test
    void defaultsAreLoopBacks() throws Exception {
        SharedMethod m = read("greet", "{}");
        assertThat(m.isStatic()).isTrue();
        assertThat(m.routes()).containsExactly(new HttpRoute("post", "/greet"));
        assertThat(m.accessType()).isEqualTo("EXECUTE");
        assertThat(m.accepts()).isEmpty();
        assertThat(m.returns()).isEmpty();
    }

    @Test
    void oneOrManyAcceptsAndReturns() throws Exception {
        SharedMethod m = read("greet", "{'accepts': {'arg': 'msg', 'type': 'string', 'required': true,"
                + " 'description': ['a', 'b']}, 'returns': [{'arg': 'greeting', 'type': 'string'},"
                + " {'arg': 'n', 'type': ['number'], 'root': true}]}");
        assertThat(m.accepts()).containsExactly(new Accept("msg", "string", true, HttpSource.AUTO, "a\nb"));
        assertThat(m.returns()).containsExactly(Return.property("greeting", "string"), Return.root("n", "[number]"));
    }

    @Test
    void sourcesDefaultsAndTargets() throws Exception {
        SharedMethod m = read("m", "{'accepts': [{'arg': 'a', 'http': {'source': 'query'}},"
                + " {'arg': 'b', 'type': 'number', 'default': 3}, {'arg': 'r', 'http': {'source': 'req'}}],"
                + " 'returns': [{'arg': 'ct', 'type': 'string', 'http': {'target': 'header', 'header': 'Content-Type'}},"
                + " {'arg': 'code', 'http': {'target': 'status'}}]}");
        assertThat(m.accepts()).extracting(Accept::source).containsExactly(HttpSource.QUERY, HttpSource.AUTO, HttpSource.REQ);
        assertThat(m.accepts().get(1).defaultValue()).isEqualTo(3);
        assertThat(m.returns().get(0).header()).isEqualTo("Content-Type");
        assertThat(m.returns().get(1).target()).isEqualTo("status");
    }

    @Test
    void prototypeNamesAndIsStatic() throws Exception {
        assertThat(read("prototype.shout", "{}").stringName()).isEqualTo("prototype.shout");
        assertThat(read("prototype.shout", "{}").routes()).containsExactly(new HttpRoute("post", "/shout"));
        assertThat(read("shout", "{'isStatic': false}").stringName()).isEqualTo("prototype.shout");
    }

    @Test
    void severalRoutesStatusesAndVerbs() throws Exception {
        SharedMethod m = read("greet", "{'http': [{'path': '/greet', 'verb': 'post', 'status': 201,"
                + " 'errorStatus': 422}, {'path': '/sayhi', 'verb': 'get'}, {'path': '/bye', 'verb': 'del'}]}");
        assertThat(m.routes()).containsExactly(new HttpRoute("post", "/greet"), new HttpRoute("get", "/sayhi"),
                new HttpRoute("delete", "/bye"));
        assertThat(m.status()).isEqualTo(201);
        assertThat(m.errorStatus()).isEqualTo(422);
        assertThat(read("any", "{'http': {'verb': 'all'}}").routes()).extracting(HttpRoute::verb)
                .containsExactly("GET", "POST", "PUT", "PATCH", "DELETE");
    }

    @Test
    void documentationAndAccessType() throws Exception {
        SharedMethod m = read("m", "{'description': 'Says hi', 'notes': ['one', 'two'], 'accessType': 'read'}");
        assertThat(m.description()).isEqualTo("Says hi");
        assertThat(m.notes()).isEqualTo("one\ntwo");
        assertThat(m.accessType()).isEqualTo("READ");
    }

    @Test
    void mapsFromJavaCode() {
        SharedMethod m = MethodOptions.read("greet", Map.of("accepts", List.of(Map.of("arg", "msg", "type", "string")),
                "http", Map.of("verb", "get", "path", "/hi"))).handler(ctx -> null).build();
        assertThat(m.routes()).containsExactly(new HttpRoute("get", "/hi"));
        assertThat(m.accepts()).extracting(Accept::arg).containsExactly("msg");
    }

    @Test
    void malformedOptionsNameTheMethod() {
        assertThatThrownBy(() -> read("m", "{'http': {'verb': 'fetch'}}"))
                .hasMessage("Remote method \"m\": unknown http verb \"fetch\"");
        assertThatThrownBy(() -> read("m", "{'accepts': {'type': 'string'}}"))
                .hasMessage("Remote method \"m\": every accepts entry needs an \"arg\" name");
        assertThatThrownBy(() -> read("m", "{'accepts': {'arg': 'a', 'http': {'source': 'cookie'}}}"))
                .hasMessageStartingWith("Remote method \"m\": unknown http source \"cookie\"");
        assertThatThrownBy(() -> read("m", "{'http': {'status': 99}}"))
                .hasMessage("Remote method \"m\": status 99 is not an HTTP status");
        assertThatThrownBy(() -> read("m", "{'accessType': 'DROP'}"))
                .hasMessage("Remote method \"m\": unknown accessType \"DROP\" (expected READ, WRITE or EXECUTE)");
        assertThatThrownBy(() -> read("m", "{'returns': {'arg': 'a', 'http': {'target': 'cookie'}}}"))
                .hasMessageStartingWith("Remote method \"m\": unknown http target \"cookie\"");
    }
}
