package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.error.ValidationError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The juggler-style Java API on a booted app; what it writes is what REST reads. */
class JavaApiTest extends LibraryHttpTest {
    static Model books;

    @BeforeAll
    static void boot() {
        books = app.app.model("Book");
    }

    @Test
    void createFindCountAndDestroy() {
        ModelInstance dune = books.create(Map.of("title", "Dune", "price", "9.5"));
        books.create(List.of(Map.of("title", "Emma", "price", 4), Map.of("title", "Solaris", "price", 12)));
        assertThat(dune.get("price")).isEqualTo(9.5);
        assertThat(dune.get("inStock")).isEqualTo(true);
        Filter cheap = new FilterParser().parseFilter(Map.of("where", Map.of("price", Map.of("lt", 10)), "order", "price DESC"));
        assertThat(books.find(cheap)).extracting(b -> b.get("title")).containsExactly("Dune", "Emma");
        assertThat(books.findById(dune.id())).map(b -> b.get("title")).contains("Dune");
        assertThat(books.count(cheap.where())).isEqualTo(2);
        assertThat(books.updateAll(cheap.where(), Map.of("inStock", false))).isEqualTo(2);
        assertThat(books.destroyAll(cheap.where())).isEqualTo(2);
        assertThat(books.count(null)).isEqualTo(1);
        assertThat(app.http.get("/api/Books").json()).hasSize(1);
    }

    @Test
    void instanceMethodsWriteThrough() {
        ModelInstance book = books.create(Map.of("title", "Dune", "author", "Herbert"));
        book.patchAttributes(Map.of("price", 10));
        assertThat(books.findById(book.id()).orElseThrow().get("author")).isEqualTo("Herbert");
        book.replaceAttributes(Map.of("title", "Dune II"));
        assertThat(books.findById(book.id()).orElseThrow().data()).doesNotContainKey("author");
        book.set("price", 3).save();
        assertThat(books.findById(book.id()).orElseThrow().get("price")).isEqualTo(3L);
        assertThat(book.destroy()).isTrue();
        assertThat(books.exists(book.id())).isFalse();
    }

    @Test
    void upsertPatchesOrCreates() {
        ModelInstance created = books.upsert(Map.of("title", "Emma"));
        ModelInstance patched = books.upsert(Map.of("id", created.id(), "price", 5));
        assertThat(patched.id()).isEqualTo(created.id());
        assertThat(patched.get("title")).isEqualTo("Emma");
        assertThat(books.count(null)).isEqualTo(1);
    }

    @Test
    void javaCallersGetTheSameErrorsAsRest() {
        assertThatThrownBy(() -> books.create(Map.of("price", 1))).isInstanceOf(ValidationError.class);
        assertThatThrownBy(() -> books.patchById(12345, Map.of("title", "x")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
