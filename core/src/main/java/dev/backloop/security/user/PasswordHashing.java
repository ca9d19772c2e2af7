package dev.backloop.security.user;

import dev.backloop.model.HookContext;
import dev.backloop.model.Observer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code before save} hook of a user model: a plain password in the saved data is replaced by its
 * hash, so no code path stores a clear-text password.
 */
public final class PasswordHashing implements Observer {
    static final String PASSWORD = "password";
    private final Passwords passwords;

    public PasswordHashing(Passwords passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords is null");
    }

    @Override
    public void observe(HookContext context) {
        if (context.instance() != null) {
            Object plain = context.instance().get(PASSWORD);
            if (needsHash(plain)) {
                context.instance().set(PASSWORD, passwords.hash((String) plain));
            }
        } else if (context.data() != null && context.data().containsKey(PASSWORD)) {
            Object plain = context.data().get(PASSWORD);
            if (needsHash(plain)) {
                Map<String, Object> data = new LinkedHashMap<>(context.data());
                data.put(PASSWORD, passwords.hash((String) plain));
                context.setData(data);
            }
        }
    }

    private static boolean needsHash(Object value) {
        return value instanceof String text && !Passwords.isHash(text);
    }
}
