package dev.backloop.security.user;

import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.RemoteHook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote {@code before} hook on user models: a client cannot set {@code emailVerified},
 * {@code verificationToken} or (unless the model has {@code realmRequired}, where the realm is part of
 * the sign-up) {@code realm} through sign-up or an update (mass assignment); Java code still can.
 */
public final class ProtectedUserFields implements RemoteHook {
    private static final List<String> ALWAYS = List.of("emailVerified", "verificationToken");
    private final List<String> fields;

    public ProtectedUserFields(UserSettings settings) {
        List<String> protectedFields = new java.util.ArrayList<>(ALWAYS);
        if (!settings.realmRequired()) {
            protectedFields.add("realm");
        }
        this.fields = List.copyOf(protectedFields);
    }

    @Override
    public void run(Invocation ctx) {
        Object data = ctx.arg("data");
        if (data instanceof Map<?, ?> map) {
            ctx.setArg("data", without(map));
        } else if (data instanceof List<?> list) {
            ctx.setArg("data", list.stream().map(item -> item instanceof Map<?, ?> m ? without(m) : item).toList());
        }
    }

    private Map<Object, Object> without(Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        fields.forEach(copy::remove);
        return copy;
    }
}
