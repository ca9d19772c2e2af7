package dev.backloop.http;

import dev.backloop.app.App;
import dev.backloop.app.ModelCustomizer;
import dev.backloop.remoting.SharedClass;

/** The Java code of the secure fixture's Vault: a custom static method (EXECUTE) and a READ instance method. */
public final class VaultCode implements ModelCustomizer {
    @Override
    public String model() {
        return "Vault";
    }

    @Override
    public void customize(SharedClass vault, App app) {
        vault.implement("open", ctx -> true);
        vault.implement("prototype.peek", ctx -> ctx.instance().get("label"));
    }
}
