package dev.backloop.filter.eval;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One compiled {@link Where.Condition}. Follows LoopBack's memory connector: an array-valued property
 * matches when any element matches (and {@code neq} matches an empty array); when a dotted path does not
 * match directly and its first segment holds a list of objects, the rest of the path is tried on each.
 */
final class ConditionMatcher implements Predicate<Map<String, Object>> {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PropertyPath path;
    private final Operator operator;
    private final Predicate<Object> test;

    private ConditionMatcher(PropertyPath path, Operator operator, Predicate<Object> test) {
        this.path = path;
        this.operator = operator;
        this.test = test;
    }

    static ConditionMatcher compile(Where.Condition condition, RegexGuard guard) {
        PropertyPath path = PropertyPath.of(condition.property());
        Operator operator = condition.operator();
        return new ConditionMatcher(path, operator, valueTest(condition, guard));
    }

    @Override
    public boolean test(Map<String, Object> record) {
        if (operator == Operator.EXISTS) {
            return test.test(path.isPresent(record));
        }
        return matchAt(record, path);
    }

    private boolean matchAt(Object object, PropertyPath at) {
        Object value = at.get(object);
        if (value instanceof List<?> list) {
            return matchList(list);
        }
        if (test.test(value)) {
            return true;
        }
        if (at.isDotted()) {
            Object sub = at.head().get(object);
            PropertyPath rest = at.rest();
            if (sub instanceof List<?> list) {
                for (Object element : list) {
                    if (matchAt(element, rest)) {
                        return true;
                    }
                }
            } else if (sub instanceof Map<?, ?>) {
                return matchAt(sub, rest);
            }
        }
        return false;
    }

    private boolean matchList(List<?> list) {
        if (operator == Operator.NEQ && list.isEmpty()) {
            return true;
        }
        for (Object element : list) {
            if (element instanceof List<?> nested ? matchList(nested) : test.test(element)) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<Object> valueTest(Where.Condition condition, RegexGuard guard) {
        Object operand = condition.value();
        switch (condition.operator()) {
            case EQ:
                return operand == null ? v -> v == null : v -> LooseComparison.looseEquals(v, operand);
            case NEQ:
                return v -> LooseComparison.compare(operand, v) != 0;
            case GT:
                return v -> {
                    int c = LooseComparison.compare(v, operand);
                    return c != LooseComparison.INCOMPARABLE && c > 0;
                };
            case GTE:
                return v -> {
                    int c = LooseComparison.compare(v, operand);
                    return c != LooseComparison.INCOMPARABLE && c >= 0;
                };
            case LT:
                return v -> {
                    int c = LooseComparison.compare(v, operand);
                    return c != LooseComparison.INCOMPARABLE && c < 0;
                };
            case LTE:
                return v -> {
                    int c = LooseComparison.compare(v, operand);
                    return c != LooseComparison.INCOMPARABLE && c <= 0;
                };
            case BETWEEN:
                return between(condition);
            case INQ: {
                List<?> values = operandList(condition);
                return v -> containsLoosely(values, v);
            }
            case NIN: {
                List<?> values = operandList(condition);
                return v -> !containsLoosely(values, v);
            }
            case LIKE:
                return like(condition, condition.caseInsensitive(), false, guard);
            case NLIKE:
                return like(condition, condition.caseInsensitive(), true, guard);
            case ILIKE:
                return like(condition, true, false, guard);
            case NILIKE:
                return like(condition, true, true, guard);
            case REGEXP:
                return regexp(condition, guard);
            case EXISTS:
                return exists(condition);
            default:
                throw HttpError.badRequest("Unsupported operator " + condition.operator().wireName());
        }
    }

    private static boolean containsLoosely(List<?> values, Object value) {
        for (Object candidate : values) {
            if (LooseComparison.looseEquals(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static Predicate<Object> between(Where.Condition condition) {
        List<?> bounds = operandList(condition);
        if (bounds.size() != 2) {
            throw HttpError.badRequest("The between operator of " + condition.property() + " needs two values");
        }
        Object low = bounds.get(0);
        Object high = bounds.get(1);
        return v -> {
            int lower = LooseComparison.compare(v, low);
            int upper = LooseComparison.compare(v, high);
            return lower != LooseComparison.INCOMPARABLE && lower >= 0
                    && upper != LooseComparison.INCOMPARABLE && upper <= 0;
        };
    }

    private static Predicate<Object> like(Where.Condition condition, boolean caseInsensitive, boolean negated,
            RegexGuard guard) {
        Object operand = condition.value();
        if (operand instanceof Regexp regexp && !negated) {
            // LoopBack accepts a RegExp for like; the case flag of the condition wins
            return regexp(new Where.Condition(condition.property(), Operator.REGEXP,
                    caseInsensitive ? new Regexp(regexp.source(), regexp.flags() + "i") : regexp), guard);
        }
        if (!(operand instanceof String text)) {
            throw HttpError.badRequest("The " + condition.operator().wireName() + " operator of "
                    + condition.property() + " needs a string");
        }
        LikePattern pattern = LikePattern.compile(text, caseInsensitive);
        return v -> {
            String s = scalarText(v);
            // LoopBack tests "undefined"/"null" against the pattern; a missing value simply does not match
            boolean found = s != null && pattern.matches(s);
            return negated != found;
        };
    }

    private static Predicate<Object> regexp(Where.Condition condition, RegexGuard guard) {
        Object operand = condition.value();
        Regexp regexp;
        if (operand instanceof Regexp r) {
            regexp = r;
        } else if (operand instanceof String s) {
            regexp = JavaScriptRegex.parse(s);
        } else if (operand instanceof Pattern p) {
            Pattern compiled = p;
            return v -> v instanceof String s && guard.find(compiled, s);
        } else {
            throw HttpError.badRequest("The regexp operator of " + condition.property() + " needs a regular expression");
        }
        Pattern pattern = JavaScriptRegex.compile(regexp);
        // LoopBack calls value.match(): strings only (other types throw there); they do not match here
        return v -> v instanceof String s && guard.find(pattern, s);
    }

    private static Predicate<Object> exists(Where.Condition condition) {
        Object operand = condition.value();
        boolean wanted = operand == null || Boolean.TRUE.equals(operand) || "true".equals(operand);
        return present -> (Boolean) present == wanted;
    }

    private static List<?> operandList(Where.Condition condition) {
        Object operand = condition.value();
        if (operand instanceof List<?> list) {
            return list;
        }
        if (operand instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        throw HttpError.badRequest("The " + condition.operator().wireName() + " operator of "
                + condition.property() + " needs an array");
    }

    /** The text a like pattern is tested against: JavaScript's String(value) for scalars. */
    static String scalarText(Object value) {
        Object v = LooseComparison.normalize(value);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            if (!Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d) && Math.abs(d) < 1e21) {
                return new BigDecimal(d).toPlainString();
            }
            return d.toString();
        }
        if (v instanceof BigDecimal bd) {
            return bd.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Instant i) {
            return ISO_MILLIS.format(i);
        }
        return null;
    }
}
