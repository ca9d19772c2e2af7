package dev.backloop.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The juggler's operation hooks, in the order a write fires them: {@code before save}, {@code persist},
 * {@code loaded}, {@code after save}. Which method fires which is LoopBack's table, documented in the user
 * guide ("Operation hooks").
 */
public enum OperationHook {
    /** Before a query runs: {@link HookContext#query()} may be changed (a read, count, update or delete). */
    ACCESS("access"),
    /** Before data is validated and written: {@code instance} (full writes) or {@code data} + {@code currentInstance} (patches) or {@code where} + {@code data} (updateAll). */
    BEFORE_SAVE("before save"),
    /** After validation, just before the connector writes: {@code data} is what will be stored. */
    PERSIST("persist"),
    /** After the connector returned a record (written or read): {@code data} may be changed before it becomes an instance. */
    LOADED("loaded"),
    /** After a write: {@code instance} (single writes) or {@code where} + {@code data} + {@code info} (updateAll). */
    AFTER_SAVE("after save"),
    /** Before records are deleted: {@code where} (and {@code instance} for an instance's own delete). */
    BEFORE_DELETE("before delete"),
    /** After records were deleted: {@code where}, {@code info} with the count. */
    AFTER_DELETE("after delete");

    private final String wireName;

    OperationHook(String wireName) {
        this.wireName = wireName;
    }

    /** LoopBack's name: {@code "before save"}. */
    public String wireName() {
        return wireName;
    }

    /** The hook LoopBack calls {@code name}. */
    public static Optional<OperationHook> fromName(String name) {
        return Arrays.stream(values()).filter(h -> h.wireName.equals(name)).findFirst();
    }
}
