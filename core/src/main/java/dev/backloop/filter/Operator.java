package dev.backloop.filter;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The comparison operators of LoopBack's where language, by their wire names. */
public enum Operator {
    EQ("eq"),
    NEQ("neq"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    BETWEEN("between"),
    INQ("inq"),
    NIN("nin"),
    LIKE("like"),
    NLIKE("nlike"),
    ILIKE("ilike"),
    NILIKE("nilike"),
    REGEXP("regexp"),
    EXISTS("exists");

    private static final Map<String, Operator> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Operator::wireName, Function.identity()));

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in filters, e.g. {@code "inq"}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Operator> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
