package dev.backloop.security.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(4);

    @Test
    void hashesAndVerifies() {
        String hash = passwords.hash("s3cret");
        assertThat(Passwords.isHash(hash)).isTrue();
        assertThat(passwords.matches("s3cret", hash)).isTrue();
        assertThat(passwords.matches("s3cret!", hash)).isFalse();
        assertThat(passwords.matches("s3cret", "s3cret")).isFalse();
    }

    @Test
    void refusesAPasswordBcryptWouldTruncate() {
        assertThatThrownBy(() -> passwords.hash("x".repeat(73)))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_LONG"));
        assertThat(passwords.hash("x".repeat(72))).isNotEmpty();
    }
}
