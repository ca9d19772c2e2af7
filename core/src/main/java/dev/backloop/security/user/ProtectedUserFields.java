package dev.backloop.security.user;

import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.RemoteHook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote {@code before} hook on user models: a client cannot set {@code emailVerified} or
 * {@code verificationToken} through sign-up or an update (mass assignment); Java code still can.
 */
public final class ProtectedUserFields implements RemoteHook {
    static final List<String> FIELDS = List.of("emailVerified", "verificationToken");

    @Override
    public void run(Invocation ctx) {
        Object data = ctx.arg("data");
        if (data instanceof Map<?, ?> map) {
            ctx.setArg("data", without(map));
        } else if (data instanceof List<?> list) {
            ctx.setArg("data", list.stream().map(item -> item instanceof Map<?, ?> m ? without(m) : item).toList());
        }
    }

    private static Map<Object, Object> without(Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        FIELDS.forEach(copy::remove);
        return copy;
    }
}
