package dev.backloop.filter.eval;

import dev.backloop.error.HttpError;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Runs a regular expression against a value with bounded work, so that a catastrophic pattern such as
 * {@code (a+)+$} sent by a client ends in a 400 instead of occupying a thread for hours (ReDoS).
 *
 * <p>Work is counted in characters read by the regex engine. One evaluation may read at most
 * {@code perEvaluation} characters plus 16 per character of the value; when {@code perQuery} is positive, all evaluations through this guard
 * together may read at most that many, which bounds a whole query over many records.
 */
public final class RegexGuard {
    /** Per-evaluation budget by default: a few milliseconds of matching. */
    public static final long DEFAULT_PER_EVALUATION = 2_000_000;
    /** Per-query budget by default: well under a second of matching over all records. */
    public static final long DEFAULT_PER_QUERY = 100_000_000;

    private static final long PER_CHARACTER = 16;

    private final long perEvaluation;
    private final long perQuery;
    private final AtomicLong spent = new AtomicLong();

    /**
     * @param perEvaluation most characters one match may read, beyond 16 per character of the value
     * @param perQuery      most characters all matches through this guard may read, or 0 for no limit
     */
    public RegexGuard(long perEvaluation, long perQuery) {
        if (perEvaluation <= 0 || perQuery < 0) {
            throw new IllegalArgumentException("budgets must be positive");
        }
        this.perEvaluation = perEvaluation;
        this.perQuery = perQuery;
    }

    /** A guard with the default per-evaluation budget and no per-query budget, for long-lived matchers. */
    public static RegexGuard perEvaluation() {
        return new RegexGuard(DEFAULT_PER_EVALUATION, 0);
    }

    /** A fresh guard with both default budgets, for one query. */
    public static RegexGuard perQuery() {
        return new RegexGuard(DEFAULT_PER_EVALUATION, DEFAULT_PER_QUERY);
    }

    /**
     * Whether the pattern is found anywhere in the text (JavaScript's {@code RegExp.test}).
     *
     * @throws HttpError 400 "regular expression too expensive" when a budget is exhausted
     */
    public boolean find(Pattern pattern, String text) {
        // a linear pattern reads each character a few times; long values must not fail for being long
        long allowed = perEvaluation + PER_CHARACTER * text.length();
        if (perQuery > 0) {
            allowed = Math.min(allowed, perQuery - spent.get());
            if (allowed <= 0) {
                throw tooExpensive();
            }
        }
        CountingSequence counted = new CountingSequence(text, allowed);
        try {
            return pattern.matcher(counted).find();
        } catch (BudgetExhausted | StackOverflowError e) {
            throw tooExpensive();
        } finally {
            if (perQuery > 0) {
                spent.addAndGet(counted.reads);
            }
        }
    }

    private static HttpError tooExpensive() {
        return HttpError.badRequest("regular expression too expensive", "REGEXP_TOO_EXPENSIVE");
    }

    /** Thrown from inside the regex engine to abandon a match; no stack trace, it is control flow. */
    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super(null, null, false, false);
        }
    }

    /** A string view that counts the engine's reads and stops it past the budget. */
    private static final class CountingSequence implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final long budget;
        private long reads;

        CountingSequence(String text, long budget) {
            this(text, 0, text.length(), budget);
        }

        private CountingSequence(String text, int offset, int length, long budget) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.budget = budget;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (++reads > budget) {
                throw new BudgetExhausted();
            }
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            // only used for groups after a match; no further matching work is done on it
            return text.substring(offset + start, offset + end);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
