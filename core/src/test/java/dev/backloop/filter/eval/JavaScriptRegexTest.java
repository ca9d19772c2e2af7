package dev.backloop.filter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.filter.Regexp;
import org.junit.jupiter.api.Test;

class JavaScriptRegexTest {

    @Test
    void parsesLoopBackStringForm() {
        assertThat(JavaScriptRegex.parse("/ab+c/gi")).isEqualTo(new Regexp("ab+c", "gi"));
        assertThat(JavaScriptRegex.parse("/a/b/")).isEqualTo(new Regexp("a/b", ""));
        assertThat(JavaScriptRegex.parse("ab+c")).isEqualTo(new Regexp("ab+c", ""));
        assertThat(JavaScriptRegex.parse("/ab/x")).isEqualTo(new Regexp("/ab/x", ""));
    }

    @Test
    void translatesEndAnchorAndClasses() {
        assertThat(JavaScriptRegex.compile(new Regexp("a$", "")).pattern()).isEqualTo("a\\z");
        assertThat(JavaScriptRegex.compile(new Regexp("a$", "m")).pattern()).isEqualTo("a$");
        assertThat(JavaScriptRegex.compile(new Regexp("[^]", "")).pattern()).isEqualTo("[\\s\\S]");
        assertThat(JavaScriptRegex.compile(new Regexp("\\0", "")).matcher("\0").find()).isTrue();
        assertThat(JavaScriptRegex.compile(new Regexp("\\v", "")).matcher("\u000B").find()).isTrue();
        assertThat(JavaScriptRegex.compile(new Regexp("\\u{1F600}", "u")).matcher("\uD83D\uDE00").find()).isTrue();
    }
}
