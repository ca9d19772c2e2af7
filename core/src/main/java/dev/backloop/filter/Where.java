package dev.backloop.filter;

import java.util.List;
import java.util.Objects;

/**
 * The typed tree of a LoopBack {@code where} clause. Parsed once at the edge; connectors receive this
 * tree, never raw maps or strings.
 */
public sealed interface Where permits Where.And, Where.Or, Where.Condition {

    /** The where that matches every record. */
    Where ALL = new And(List.of());

    /** All clauses must match; an empty list matches everything. */
    record And(List<Where> clauses) implements Where {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    /** At least one clause must match. */
    record Or(List<Where> clauses) implements Where {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    /**
     * One test on one property.
     *
     * @param property the property name, dotted for a path into nested objects ({@code address.city})
     * @param operator the operator
     * @param value    the operand, already coerced to the property's type where the model declares one:
     *                 a {@code List} for {@code inq}, {@code nin} and {@code between}, a {@link Regexp}
     *                 for {@code regexp}, a {@code Boolean} for {@code exists}
     * @param caseInsensitive for {@code like}/{@code nlike}: LoopBack's {@code options: "i"}
     */
    record Condition(String property, Operator operator, Object value, boolean caseInsensitive) implements Where {
        public Condition {
            Objects.requireNonNull(property, "property is null");
            Objects.requireNonNull(operator, "operator is null");
        }

        public Condition(String property, Operator operator, Object value) {
            this(property, operator, value, false);
        }
    }

    static Where and(List<Where> clauses) {
        return clauses.size() == 1 ? clauses.get(0) : new And(clauses);
    }

    static Where eq(String property, Object value) {
        return new Condition(property, Operator.EQ, value);
    }

    /** True when this where matches every record. */
    default boolean matchesAll() {
        return this instanceof And and && and.clauses().stream().allMatch(Where::matchesAll);
    }
}
