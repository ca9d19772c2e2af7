package dev.backloop.filter;

import dev.backloop.error.HttpError;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fits a parsed where to a model: refuses conditions on hidden properties (LoopBack's
 * {@code prohibitHiddenPropertiesInQuery}, which stops brute-forcing a password hash with {@code like} or
 * {@code regexp}) and converts operands to the declared property types. Only top-level declared
 * properties are converted; dotted paths and undeclared properties keep their values, since their type is
 * not known. {@code like}, {@code regexp} and {@code exists} operands are never converted. Returns a new
 * tree; the records are immutable. Stateless and thread-safe.
 */
public final class FilterCoercion {
    /** The error code LoopBack gives a query on a hidden property. */
    public static final String PROPERTY_NOT_ALLOWED = "PROPERTY_NOT_ALLOWED_IN_QUERY";

    private static final Set<Operator> SINGLE_VALUE = EnumSet.of(
            Operator.EQ, Operator.NEQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);
    private static final Set<Operator> LIST_VALUE = EnumSet.of(Operator.INQ, Operator.NIN, Operator.BETWEEN);

    private FilterCoercion() {
    }

    /**
     * Coerces a filter's where; fields, order, paging and include (whose scopes belong to other models)
     * are returned unchanged.
     *
     * @throws HttpError 400 for a hidden property or a value that does not fit its property's type
     */
    public static Filter coerce(ModelDefinition model, Filter filter) {
        return filter.withWhere(coerce(model, filter.where()));
    }

    /**
     * Coerces a where.
     *
     * @throws HttpError 400 with code {@value #PROPERTY_NOT_ALLOWED} when a condition names a hidden
     *                   property (or a path into one), else 400 when a value does not fit its property's type
     */
    public static Where coerce(ModelDefinition model, Where where) {
        Set<String> hidden = new LinkedHashSet<>();
        collectHidden(model, where, hidden);
        if (!hidden.isEmpty()) {
            throw HttpError.badRequest("Properties \"" + String.join(",", hidden) + "\" are not allowed in query",
                    PROPERTY_NOT_ALLOWED);
        }
        return convert(model, where);
    }

    private static void collectHidden(ModelDefinition model, Where where, Set<String> out) {
        if (where instanceof Where.Condition condition) {
            String property = condition.property();
            int dot = property.indexOf('.');
            String root = dot < 0 ? property : property.substring(0, dot);
            if (model.hidden().contains(root)) {
                out.add(root);
            }
        } else {
            for (Where clause : clauses(where)) {
                collectHidden(model, clause, out);
            }
        }
    }

    private static Where convert(ModelDefinition model, Where where) {
        if (where instanceof Where.Condition condition) {
            return convertCondition(model, condition);
        }
        List<Where> converted = new ArrayList<>();
        for (Where clause : clauses(where)) {
            converted.add(convert(model, clause));
        }
        return where instanceof Where.Or ? new Where.Or(converted) : new Where.And(converted);
    }

    private static Where convertCondition(ModelDefinition model, Where.Condition condition) {
        Optional<PropertyDefinition> declared = condition.property().indexOf('.') < 0
                ? model.property(condition.property()) : Optional.empty();
        if (declared.isEmpty()) {
            return condition;
        }
        PropertyDefinition property = declared.get();
        Object value = condition.value();
        if (SINGLE_VALUE.contains(condition.operator())) {
            value = ValueCoercion.coerce(property.type(), property.name(), value);
        } else if (LIST_VALUE.contains(condition.operator()) && value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(ValueCoercion.coerce(property.type(), property.name(), item));
            }
            // List.of refuses nulls, and "inq: [null]" is legitimate
            value = java.util.Collections.unmodifiableList(items);
        } else {
            return condition;
        }
        return new Where.Condition(condition.property(), condition.operator(), value, condition.caseInsensitive());
    }

    private static List<Where> clauses(Where where) {
        if (where instanceof Where.And and) {
            return and.clauses();
        }
        return ((Where.Or) where).clauses();
    }
}
