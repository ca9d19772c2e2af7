package dev.backloop.validation;

import dev.backloop.error.ValidationError;
import dev.backloop.error.ValidationError.Failure;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.JavaScriptRegex;
import dev.backloop.filter.eval.RegexGuard;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ValidationRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Runs a model's validations on the data of a write, with LoopBack's rules, codes and messages: every rule
 * runs, and all failures are reported together in one 422 {@link ValidationError}.
 *
 * <p>Options every rule takes: {@code message} (replaces the default message; for {@code length} it may be
 * an object by kind, {@code {"min": "...", "max": "..."}}), {@code allowNull} and {@code allowBlank} (the
 * value-based rules skip a null or absent/empty value instead of failing with {@code is null} /
 * {@code is blank}), {@code if} and {@code unless} (name a property; the rule runs only when it is truthy,
 * or falsy).
 */
public final class Validator {
    private final UniquenessCheck uniqueness;
    private final Map<String, Pattern> formats = new ConcurrentHashMap<>();

    public Validator(UniquenessCheck uniqueness) {
        this.uniqueness = Objects.requireNonNull(uniqueness, "uniqueness is null");
    }

    /**
     * Validates a record about to be stored.
     *
     * @param data      the whole record (for a patch: the stored record with the changes merged in)
     * @param currentId the id of the stored record being changed; {@code null} on create
     * @throws ValidationError 422 listing every failure
     */
    public void validate(ModelDefinition model, Map<String, Object> data, Object currentId) {
        List<Failure> failures = new ArrayList<>();
        if (currentId == null && model.forceId() && !Blank.test(data.get(model.idName()))) {
            failures.add(new Failure(model.idName(), "absence", "can't be set", data.get(model.idName())));
        }
        for (ValidationRule rule : model.validations()) {
            if (applies(rule, data)) {
                check(model, rule, data, currentId, failures);
            }
        }
        if (!failures.isEmpty()) {
            throw new ValidationError(model.name(), failures);
        }
    }

    private void check(ModelDefinition model, ValidationRule rule, Map<String, Object> data, Object currentId,
            List<Failure> failures) {
        String property = rule.property();
        Object value = data.containsKey(property) ? data.get(property) : ValidationError.UNDEFINED;
        Object actual = data.get(property);
        Reporter report = new Reporter(rule, value, failures);
        switch (rule.kind()) {
            case PRESENCE -> {
                if (Blank.test(actual)) {
                    report.fail(null);
                }
            }
            case ABSENCE -> {
                if (!Blank.test(actual)) {
                    report.fail(null);
                }
            }
            case LENGTH -> {
                if (!nullChecked(rule, value, report)) {
                    length(rule, actual, report);
                }
            }
            case FORMAT -> {
                if (!nullChecked(rule, value, report)) {
                    format(rule, actual, report);
                }
            }
            case INCLUSION -> {
                if (!nullChecked(rule, value, report) && !contains(rule.options().get("in"), actual)) {
                    report.fail(null);
                }
            }
            case EXCLUSION -> {
                if (!nullChecked(rule, value, report) && contains(rule.options().get("in"), actual)) {
                    report.fail(null);
                }
            }
            case NUMERICALITY -> {
                if (!nullChecked(rule, value, report)) {
                    numericality(rule, actual, report);
                }
            }
            case UNIQUENESS -> {
                if (!Blank.test(actual) && taken(model, rule, data, currentId)) {
                    report.fail(null);
                }
            }
        }
    }

    /**
     * LoopBack's {@code nullCheck}: an absent or empty value fails with {@code blank} unless
     * {@code allowBlank}, a null one with {@code null} unless {@code allowNull}; either way the rule stops.
     */
    private static boolean nullChecked(ValidationRule rule, Object value, Reporter report) {
        if (value == ValidationError.UNDEFINED || "".equals(value)) {
            if (!truthy(rule.options().get("allowBlank"))) {
                report.fail("blank");
            }
            return true;
        }
        if (value == null) {
            if (!truthy(rule.options().get("allowNull"))) {
                report.fail("null");
            }
            return true;
        }
        return false;
    }

    private static void length(ValidationRule rule, Object value, Reporter report) {
        int length;
        if (value instanceof CharSequence text) {
            length = text.length();
        } else if (value instanceof Collection<?> items) {
            length = items.size();
        } else {
            return; // JavaScript: a value without .length passes every bound
        }
        Number min = number(rule.options().get("min"));
        Number max = number(rule.options().get("max"));
        Number is = number(rule.options().get("is"));
        if (min != null && length < min.doubleValue()) {
            report.fail("min");
        }
        if (max != null && length > max.doubleValue()) {
            report.fail("max");
        }
        if (is != null && length != is.doubleValue()) {
            report.fail("is");
        }
    }

    private void format(ValidationRule rule, Object value, Reporter report) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            report.fail(null);
            return;
        }
        String text = value.toString();
        Object with = rule.options().get("with");
        Object without = rule.options().get("without");
        RegexGuard guard = RegexGuard.perEvaluation();
        if (with != null && !guard.find(pattern(with), text)) {
            report.fail(null);
        } else if (without != null && guard.find(pattern(without), text)) {
            report.fail(null);
        }
    }

    private Pattern pattern(Object source) {
        return formats.computeIfAbsent(source.toString(), text -> JavaScriptRegex.compile(JavaScriptRegex.parse(text)));
    }

    private static void numericality(ValidationRule rule, Object value, Reporter report) {
        if (!(value instanceof Number number)) {
            report.fail("number");
        } else if (truthy(rule.options().get("int")) && number.doubleValue() != Math.rint(number.doubleValue())) {
            report.fail("int");
        }
    }

    private boolean taken(ModelDefinition model, ValidationRule rule, Map<String, Object> data, Object currentId) {
        List<Where> clauses = new ArrayList<>();
        Object value = data.get(rule.property());
        if (truthy(rule.options().get("ignoreCase")) && value instanceof String text) {
            clauses.add(new Where.Condition(rule.property(), Operator.REGEXP,
                    new Regexp("^" + text.replaceAll("[\\\\^$.*+?()\\[\\]{}|/]", "\\\\$0") + "$", "i")));
        } else {
            clauses.add(new Where.Condition(rule.property(), Operator.EQ, value));
        }
        Object scope = rule.options().get("scopedTo");
        if (scope instanceof List<?> scoped) {
            for (Object name : scoped) {
                clauses.add(new Where.Condition(name.toString(), Operator.EQ, data.get(name.toString())));
            }
        }
        if (currentId != null) {
            clauses.add(new Where.Condition(model.idName(), Operator.NEQ, currentId));
        }
        return uniqueness.exists(model, Where.and(clauses));
    }

    /** {@code if: "prop"} / {@code unless: "prop"}: whether the named property makes the rule run. */
    private static boolean applies(ValidationRule rule, Map<String, Object> data) {
        Object when = rule.options().get("if");
        if (when != null && !truthy(data.get(when.toString()))) {
            return false;
        }
        Object unless = rule.options().get("unless");
        return unless == null || !truthy(data.get(unless.toString()));
    }

    private static boolean contains(Object list, Object value) {
        if (!(list instanceof Collection<?> allowed)) {
            return false;
        }
        for (Object candidate : allowed) {
            if (candidate instanceof Number a && value instanceof Number b
                    ? a.doubleValue() == b.doubleValue() : Objects.equals(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static Number number(Object option) {
        return option instanceof Number n ? n : null;
    }

    /** JavaScript truthiness, for option flags and {@code if}/{@code unless} properties. */
    private static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
            return false;
        }
        return !(value instanceof Number n) || (n.doubleValue() != 0 && !Double.isNaN(n.doubleValue()));
    }

    /** Records failures of one rule with LoopBack's codes ({@code length.min}) and messages. */
    private record Reporter(ValidationRule rule, Object value, List<Failure> failures) {
        void fail(String kind) {
            String base = rule.kind().name().toLowerCase(java.util.Locale.ROOT);
            String code = kind == null ? base : base + "." + kind;
            failures.add(new Failure(rule.property(), code, Messages.of(rule, kind), value));
        }
    }
}
