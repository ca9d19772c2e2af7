package dev.backloop.security.user;

import dev.backloop.model.HookContext;
import dev.backloop.model.Observer;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code before save} hook of a user model with {@code caseSensitiveEmail: false}: emails are stored in lower case. */
public final class EmailCase implements Observer {
    private static final String EMAIL = "email";
    private final UserSettings settings;

    EmailCase(UserSettings settings) {
        this.settings = settings;
    }

    @Override
    public void observe(HookContext context) {
        if (context.instance() != null) {
            if (context.instance().get(EMAIL) instanceof String email) {
                context.instance().set(EMAIL, settings.normalizeEmail(email));
            }
        } else if (context.data() != null && context.data().get(EMAIL) instanceof String email) {
            Map<String, Object> data = new LinkedHashMap<>(context.data());
            data.put(EMAIL, settings.normalizeEmail(email));
            context.setData(data);
        }
    }

    /** The hook for a model, or {@code null} when its emails keep their case. */
    public static Observer forModel(UserSettings settings) {
        return settings.caseSensitiveEmail() ? null : new EmailCase(settings);
    }
}
