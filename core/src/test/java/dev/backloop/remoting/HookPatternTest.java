package dev.backloop.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HookPatternTest {
    private static boolean matches(String pattern, String name) {
        return HookPattern.parse(pattern).matches(name);
    }

    @Test
    void oneStarIsOneSegment() {
        assertThat(matches("Person.*", "Person.greet")).isTrue();
        assertThat(matches("Person.*", "Person.prototype.greet")).isFalse();
        assertThat(matches("Person.prototype.*", "Person.prototype.greet")).isTrue();
        assertThat(matches("Person.prototype.*", "Person.greet")).isFalse();
        assertThat(matches("*.greet", "Person.greet")).isTrue();
        assertThat(matches("Person.*", "Book.greet")).isFalse();
    }

    @Test
    void twoStarsAreAnyNumberOfSegments() {
        assertThat(matches("**", "Person.greet")).isTrue();
        assertThat(matches("**", "Person.prototype.greet")).isTrue();
        assertThat(matches("Person.**", "Person.prototype.greet")).isTrue();
        assertThat(matches("Book.**", "Person.greet")).isFalse();
    }

    @Test
    void exactNames() {
        assertThat(matches("Person.greet", "Person.greet")).isTrue();
        assertThat(matches("Person.greet", "Person.greetAll")).isFalse();
        assertThat(matches("Person.prototype.shout", "Person.prototype.shout")).isTrue();
    }

    @Test
    void exactBeforeStarBeforeTwoStars() {
        HookPattern exact = HookPattern.parse("Person.greet");
        HookPattern star = HookPattern.parse("Person.*");
        HookPattern any = HookPattern.parse("**");
        assertThat(exact.compareSpecificity(star)).isNegative();
        assertThat(star.compareSpecificity(any)).isNegative();
        assertThat(any.compareSpecificity(exact)).isPositive();
    }

    @Test
    void aPatternIsRequired() {
        assertThatThrownBy(() -> HookPattern.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
