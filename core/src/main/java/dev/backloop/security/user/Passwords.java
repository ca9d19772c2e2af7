package dev.backloop.security.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.backloop.error.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Hashes and checks user passwords with bcrypt. bcrypt reads only the first 72 bytes of a password, so a
 * longer one is refused rather than silently truncated (LoopBack's 2016 advisory).
 */
public final class Passwords {
    /** LoopBack's {@code SALT_WORK_FACTOR}. */
    public static final int DEFAULT_COST = 10;
    static final int MAX_BYTES = 72;
    private static final Pattern HASH = Pattern.compile("^\\$2[abxy]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    private final int cost;

    /** @param cost bcrypt's log2 work factor, 4 to 31 */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, not " + cost);
        }
        this.cost = cost;
    }

    /** The bcrypt hash of a password; 422 for one that is empty or too long. */
    public String hash(String password) {
        check(password);
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} hashes to {@code hash}; false for anything that is not a bcrypt hash. */
    public boolean matches(String password, Object hash) {
        if (password == null || !(hash instanceof String stored) || !isHash(stored)) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), stored).verified;
    }

    /** Whether a stored value already is a bcrypt hash (so a save does not hash it twice). */
    public static boolean isHash(String value) {
        return HASH.matcher(value).matches();
    }

    private static void check(String password) {
        if (password == null || password.isEmpty()) {
            throw new HttpError(422, "Error", "Invalid password.", "INVALID_PASSWORD", null);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new HttpError(422, "Error", "The password entered was too long. Max length is " + MAX_BYTES
                    + " (entered " + password.getBytes(StandardCharsets.UTF_8).length + ")", "PASSWORD_TOO_LONG",
                    null);
        }
    }
}
