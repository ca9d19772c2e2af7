package dev.backloop.http;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests against the {@code library} fixture app: one app per test class, served on a free port, emptied
 * before each test. A subclass's own {@code @BeforeAll} runs after the app is up.
 */
abstract class LibraryHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void bootLibrary() {
        app = AppUnderTest.library(tempDir);
        http = app.http;
    }

    @AfterAll
    static void stopLibrary() {
        app.close();
    }

    @BeforeEach
    void emptyLibrary() {
        app.reset();
    }
}
