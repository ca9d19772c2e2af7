package dev.backloop.filter.eval;

import dev.backloop.filter.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Evaluates a {@link Where} tree against records held as maps, with the semantics of LoopBack 3's memory
 * connector (see {@code docs/compat.md} for where Backloop is stricter). Compile once per query and test
 * many records; compiling parses patterns and paths, testing allocates nothing for most operators.
 *
 * <pre>{@code
 * Predicate<Map<String, Object>> adults = WhereMatcher.compile(where);
 * long n = records.stream().filter(adults).count();
 * }</pre>
 */
public final class WhereMatcher {

    private WhereMatcher() {
    }

    /**
     * Compiles a where clause; regular expressions get a per-evaluation work budget only, so the
     * predicate may be kept and reused (hooks, change streams).
     *
     * @throws dev.backloop.error.HttpError 400 for an invalid operand (bad regexp, between without two values)
     */
    public static Predicate<Map<String, Object>> compile(Where where) {
        return compile(where, RegexGuard.perEvaluation());
    }

    /** Compiles a where clause whose regular expressions run under the given guard. */
    public static Predicate<Map<String, Object>> compile(Where where, RegexGuard guard) {
        Objects.requireNonNull(where, "where is null");
        Objects.requireNonNull(guard, "guard is null");
        if (where.matchesAll()) {
            return record -> true;
        }
        if (where instanceof Where.Condition condition) {
            return ConditionMatcher.compile(condition, guard);
        }
        if (where instanceof Where.And and) {
            List<Predicate<Map<String, Object>>> clauses = compileAll(and.clauses(), guard);
            if (clauses.size() == 1) {
                return clauses.get(0);
            }
            return record -> {
                for (Predicate<Map<String, Object>> clause : clauses) {
                    if (!clause.test(record)) {
                        return false;
                    }
                }
                return true;
            };
        }
        Where.Or or = (Where.Or) where;
        List<Predicate<Map<String, Object>>> clauses = compileAll(or.clauses(), guard);
        return record -> {
            for (Predicate<Map<String, Object>> clause : clauses) {
                if (clause.test(record)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Tests one record; compiles the where each time, so prefer {@link #compile} for many records. */
    public static boolean matches(Where where, Map<String, Object> record) {
        return compile(where).test(record);
    }

    private static List<Predicate<Map<String, Object>>> compileAll(List<Where> clauses, RegexGuard guard) {
        List<Predicate<Map<String, Object>>> compiled = new ArrayList<>(clauses.size());
        for (Where clause : clauses) {
            compiled.add(compile(clause, guard));
        }
        return compiled;
    }
}
