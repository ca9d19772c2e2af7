package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import dev.backloop.model.HookContext;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.model.Observer;
import dev.backloop.model.OperationHook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which operation hooks each method fires, in order (the table in the user guide), and what hooks may do:
 * change data, queries and wheres, or fail the operation with nothing written.
 */
class OperationHooksTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static Model notes;
    /** The hooks fired since the last reset, as "hook" names; filled by observers on Note. */
    static final List<String> fired = new ArrayList<>();
    /** Per-test behaviour, installed by tests and cleared before each. */
    static final Map<OperationHook, Observer> behaviour = new LinkedHashMap<>();

    @BeforeAll
    static void boot() {
        app = AppUnderTest.library(tempDir);
        notes = app.app.model("Note");
        for (OperationHook hook : OperationHook.values()) {
            notes.observe(hook.wireName(), context -> {
                fired.add(hook.wireName());
                Observer extra = behaviour.get(hook);
                if (extra != null) {
                    extra.observe(context);
                }
            });
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        behaviour.clear();
        app.reset();
        fired.clear();
    }

    private static ModelInstance note(String title) {
        ModelInstance created = notes.create(Map.of("title", title));
        fired.clear();
        return created;
    }

    @Test
    void readsFireAccessThenLoadedPerRecord() {
        note("a");
        note("b");
        notes.find(Filter.ALL);
        assertThat(fired).containsExactly("access", "loaded", "loaded");
        fired.clear();
        notes.count(Where.ALL);
        assertThat(fired).containsExactly("access");
        fired.clear();
        notes.exists(1);
        assertThat(fired).containsExactly("access");
    }

    @Test
    void createFiresTheSaveSequence() {
        notes.create(Map.of("title", "x"));
        assertThat(fired).containsExactly("before save", "persist", "loaded", "after save");
        fired.clear();
        notes.create(List.of(Map.of("title", "y"), Map.of("title", "z")));
        assertThat(fired).containsExactly("before save", "before save",
                "persist", "loaded", "after save", "persist", "loaded", "after save");
    }

    @Test
    void updatesAndDeletesFireTheirSequences() {
        ModelInstance a = note("a");
        notes.updateAll(Where.ALL, Map.of("title", "b"));
        assertThat(fired).containsExactly("access", "before save", "persist", "after save");
        fired.clear();
        a.patchAttributes(Map.of("title", "c"));
        assertThat(fired).containsExactly("before save", "persist", "loaded", "after save");
        fired.clear();
        notes.patchById(a.id(), Map.of("title", "d"));
        assertThat(fired).containsExactly("access", "loaded", "before save", "persist", "loaded", "after save");
        fired.clear();
        notes.replaceById(a.id(), Map.of("title", "e"));
        assertThat(fired).containsExactly("access", "loaded", "before save", "persist", "loaded", "after save");
        fired.clear();
        notes.upsert(Map.of("title", "new"));
        assertThat(fired).containsExactly("before save", "persist", "loaded", "after save");
        fired.clear();
        a.destroy();
        assertThat(fired).containsExactly("access", "before delete", "after delete");
        fired.clear();
        notes.destroyAll(Where.ALL);
        assertThat(fired).containsExactly("access", "before delete", "after delete");
    }

    @Test
    void beforeSaveMayChangeTheInstanceOrTheData() {
        behaviour.put(OperationHook.BEFORE_SAVE, context -> {
            if (context.instance() != null) {
                context.instance().set("body", "stamped");
            } else {
                Map<String, Object> data = new LinkedHashMap<>(context.data());
                data.put("body", "patched");
                context.setData(data);
            }
        });
        ModelInstance created = notes.create(Map.of("title", "x"));
        assertThat(created.get("body")).isEqualTo("stamped");
        assertThat(notes.patchById(created.id(), Map.of("title", "y")).get("body")).isEqualTo("patched");
        notes.updateAll(Where.ALL, Map.of("title", "z"));
        assertThat(notes.findById(created.id()).orElseThrow().get("body")).isEqualTo("patched");
    }

    @Test
    void accessMayNarrowEveryQuery() {
        note("public");
        note("secret");
        behaviour.put(OperationHook.ACCESS, context -> context.setQuery(context.query().withWhere(
                new FilterParser().parseWhere(Map.of("title", Map.of("neq", "secret"))))));
        assertThat(notes.find(Filter.ALL)).extracting(n -> n.get("title")).containsExactly("public");
        assertThat(notes.count(Where.ALL)).isEqualTo(1);
        assertThat(notes.destroyAll(Where.ALL)).isEqualTo(1);
        behaviour.clear();
        assertThat(notes.find(Filter.ALL)).extracting(n -> n.get("title")).containsExactly("secret");
    }

    @Test
    void aFailingHookFailsTheOperationAndWritesNothing() {
        ModelInstance kept = note("kept");
        behaviour.put(OperationHook.PERSIST, context -> {
            throw new HttpError(403, "Error", "read-only today", null, null);
        });
        assertThatThrownBy(() -> notes.create(Map.of("title", "x")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> notes.updateAll(Where.ALL, Map.of("title", "y"))).isInstanceOf(HttpError.class);
        behaviour.put(OperationHook.BEFORE_DELETE, context -> {
            throw new IllegalStateException("no deletes");
        });
        assertThatThrownBy(kept::destroy).isInstanceOf(IllegalStateException.class);
        behaviour.clear();
        assertThat(notes.find(Filter.ALL)).extracting(n -> n.get("title")).containsExactly("kept");
        // over REST the hook's status and message reach the client
        behaviour.put(OperationHook.BEFORE_SAVE, context -> {
            throw new HttpError(403, "Error", "read-only today", null, null);
        });
        HttpClientSupport.Reply reply = app.http.post("/api/Notes", "{\"title\":\"z\"}");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error().get("message").asText()).isEqualTo("read-only today");
    }

    @Test
    void asyncObserversAreAwaitedAndHookStateIsShared() {
        behaviour.put(OperationHook.BEFORE_SAVE, Observer.async(context -> CompletableFuture.runAsync(
                () -> context.hookState().put("started", "yes"))));
        behaviour.put(OperationHook.AFTER_SAVE, context -> context.instance().set("seen", context.hookState().get("started")));
        assertThat(notes.create(Map.of("title", "x")).get("seen")).isEqualTo("yes");
    }

    @Test
    void hooksOnABaseModelRunForModelsExtendingItAndNotTheOtherWay() {
        Model memos = app.app.model("Memo");
        List<String> seen = new ArrayList<>();
        memos.observe("before save", context -> seen.add("memo hook on " + context.model().name()));
        memos.create(Map.of("title", "from a memo"));
        assertThat(fired).as("Note's hooks, inherited").containsExactly("before save", "persist", "loaded", "after save");
        assertThat(seen).containsExactly("memo hook on Memo");
        seen.clear();
        notes.create(Map.of("title", "from a note"));
        assertThat(seen).as("a child's hook does not run for its base").isEmpty();
    }

    @Test
    void unknownHookNamesAreRefused() {
        assertThatThrownBy(() -> notes.observe("before frobnicate", (HookContext context) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before save");
    }
}
