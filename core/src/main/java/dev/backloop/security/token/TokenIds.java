package dev.backloop.security.token;

import java.security.SecureRandom;
import java.util.Base64;

/** New access token ids: 48 random bytes from a secure generator, as 64 URL-safe characters. */
final class TokenIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 48;

    private TokenIds() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
