package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/notes as its README shows it: an author's notes are the author's alone. */
class NotesExampleHttpTest {
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() {
        Path example = Path.of("..", "examples", "notes");
        assertThat(Files.isDirectory(example)).as("examples/notes beside dist").isTrue();
        // memory without a file: the example directory is only read
        app = new AppUnderTest(example, Map.of());
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long signUp(String email) {
        HttpClientSupport.Reply reply = http.post("/api/Authors", "{\"email\":\"" + email + "\",\"password\":\"s3cret\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    private static Map<String, String> login(String email) {
        HttpClientSupport.Reply reply = http.post("/api/Authors/login", "{\"email\":\"" + email + "\",\"password\":\"s3cret\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return Map.of("Authorization", reply.json().get("id").asText());
    }

    @Test
    void notesAreTheirAuthorsAlone() {
        long ann = signUp("ann@example.com");
        long bob = signUp("bob@example.com");
        Map<String, String> annToken = login("ann@example.com");
        Map<String, String> bobToken = login("bob@example.com");

        HttpClientSupport.Reply created = http.sendWith("POST", "/api/Authors/" + ann + "/notes",
                "{\"title\":\"mine\"}", annToken);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        long note = created.json().get("id").asLong();
        assertThat(created.json().get("authorId").asLong()).isEqualTo(ann);

        assertThat(http.sendWith("GET", "/api/Authors/" + ann + "/notes", null, annToken).json().size()).isEqualTo(1);
        assertThat(http.sendWith("GET", "/api/Notes/" + note, null, annToken).status()).isEqualTo(200);
        assertThat(http.sendWith("PATCH", "/api/Notes/" + note, "{\"body\":\"edited\"}", annToken).status())
                .isEqualTo(200);

        // another author: 403 on every way in
        assertThat(http.sendWith("GET", "/api/Notes/" + note, null, bobToken).status()).isEqualTo(403);
        assertThat(http.sendWith("GET", "/api/Authors/" + ann + "/notes", null, bobToken).status()).isEqualTo(403);
        assertThat(http.sendWith("PATCH", "/api/Notes/" + note, "{\"body\":\"defaced\"}", bobToken).status())
                .isEqualTo(403);
        assertThat(http.sendWith("DELETE", "/api/Notes/" + note, null, bobToken).status()).isEqualTo(403);
        assertThat(http.sendWith("GET", "/api/Notes", null, bobToken).status()).isEqualTo(403);
        assertThat(http.sendWith("POST", "/api/Notes", "{\"title\":\"planted\",\"authorId\":" + ann + "}", bobToken)
                .status()).isEqualTo(403);
        // bob's own list is empty, and nobody gets anything without a token
        assertThat(http.sendWith("GET", "/api/Authors/" + bob + "/notes", null, bobToken).json().size()).isZero();
        assertThat(http.get("/api/Notes/" + note).status()).isEqualTo(401);
        assertThat(http.get("/api/Notes/424242").status()).isEqualTo(401);
        assertThat(http.get("/api/Authors/" + ann + "/notes").status()).isEqualTo(401);
        assertThat(http.sendWith("GET", "/api/Notes/" + note, null, annToken).json().get("body").asText())
                .isEqualTo("edited");
    }
}
