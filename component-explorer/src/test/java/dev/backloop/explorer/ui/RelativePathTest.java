package dev.backloop.explorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "swagger-ui-bundle.js", "css/app.min.css", "favicon-32x32.png", "a_b/c-d.e"})
    void plainFileNamesAreAccepted(String name) {
        assertThat(RelativePath.parse(name)).map(RelativePath::toString).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../pom.xml", "css/../../x", "./index.html", ".hidden", "a/./b", "a//b", "/etc/passwd",
        "a\\..\\b", "..\\x", "%2e%2e/x", "a%2fb", "C:x", "a\u0000b", "a/", "", " index.html", "index.html?x"})
    void anythingThatCouldLeaveTheDirectoryIsRefused(String name) {
        assertThat(RelativePath.parse(name)).isEmpty();
    }
}
