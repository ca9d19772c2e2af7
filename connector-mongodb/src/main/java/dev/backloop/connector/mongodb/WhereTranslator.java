package dev.backloop.connector.mongodb;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.JavaScriptRegex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Translates the typed where tree into a MongoDB query document. Only our own operator names are emitted;
 * property paths and operands are checked by {@link OperatorGuard}, so nothing a client wrote becomes an
 * operator.
 *
 * <p>Semantics follow the platform's in-memory evaluation, which the conformance suite checks: {@code like}
 * takes LoopBack's {@code %}/{@code _} wildcards (translated to an escaped {@code $regex}), {@code null}
 * matches missing properties too. A 24-digit hex string compared with a property that does not hold
 * ObjectIds matches the string and, unless {@code strictObjectIDCoercion}, the ObjectId of that value, so
 * data written by LoopBack (which stored such strings as ObjectIds) is still found.
 */
final class WhereTranslator {
    private final ModelMapping mapping;
    private final boolean strictObjectIds;

    WhereTranslator(ModelMapping mapping, boolean strictObjectIds) {
        this.mapping = mapping;
        this.strictObjectIds = strictObjectIds;
    }

    Document translate(Where where) {
        if (where.matchesAll()) {
            return new Document();
        }
        if (where instanceof Where.Condition condition) {
            return condition(condition);
        }
        if (where instanceof Where.And and) {
            List<Document> clauses = new ArrayList<>();
            for (Where clause : and.clauses()) {
                if (!clause.matchesAll()) {
                    clauses.add(translate(clause));
                }
            }
            return clauses.size() == 1 ? clauses.get(0) : new Document("$and", clauses);
        }
        List<Where> branches = ((Where.Or) where).clauses();
        if (branches.isEmpty()) {
            // an empty or matches nothing; $or refuses an empty array
            return new Document(ModelMapping.ID_FIELD, new Document("$in", List.of()));
        }
        List<Document> clauses = new ArrayList<>();
        for (Where branch : branches) {
            clauses.add(translate(branch));
        }
        return new Document("$or", clauses);
    }

    private Document condition(Where.Condition condition) {
        String property = condition.property();
        OperatorGuard.checkPath(property);
        OperatorGuard.checkOperand(condition.value());
        String field = mapping.fieldPath(property);
        Object value = condition.value();
        switch (condition.operator()) {
            case EQ:
                if (value == null) {
                    return new Document(field, null);
                }
                List<Object> forms = forms(property, value);
                return new Document(field, forms.size() == 1 ? forms.get(0) : new Document("$in", forms));
            case NEQ: {
                List<Object> notForms = value == null ? Arrays.asList((Object) null) : forms(property, value);
                return new Document(field, notForms.size() == 1 ? new Document("$ne", notForms.get(0))
                        : new Document("$nin", notForms));
            }
            case GT:
                return new Document(field, new Document("$gt", single(property, value)));
            case GTE:
                return new Document(field, new Document("$gte", single(property, value)));
            case LT:
                return new Document(field, new Document("$lt", single(property, value)));
            case LTE:
                return new Document(field, new Document("$lte", single(property, value)));
            case BETWEEN: {
                List<?> bounds = list(condition);
                if (bounds.size() != 2) {
                    throw HttpError.badRequest("The between operator of " + property + " needs two values");
                }
                return new Document(field, new Document("$gte", single(property, bounds.get(0)))
                        .append("$lte", single(property, bounds.get(1))));
            }
            case INQ:
                return new Document(field, new Document("$in", allForms(property, list(condition))));
            case NIN:
                return new Document(field, new Document("$nin", allForms(property, list(condition))));
            case LIKE:
                return new Document(field, like(condition, condition.caseInsensitive()));
            case ILIKE:
                return new Document(field, like(condition, true));
            case NLIKE:
                return new Document(field, new Document("$not", like(condition, condition.caseInsensitive())));
            case NILIKE:
                return new Document(field, new Document("$not", like(condition, true)));
            case REGEXP:
                return new Document(field, regexp(condition, toRegexp(condition, value)));
            case EXISTS: {
                boolean wanted = value == null || Boolean.TRUE.equals(value) || "true".equals(value);
                return new Document(field, new Document("$exists", wanted));
            }
            default:
                throw HttpError.badRequest("Unsupported operator " + condition.operator().wireName());
        }
    }

    /** The stored forms a value may have: itself, and its ObjectId when the rules above say so. */
    private List<Object> forms(String property, Object value) {
        if (mapping.holdsObjectIds(property)) {
            return List.of(BsonValues.toBson(ObjectIds.coerce(value, mapping.requiresObjectIds(property), property)));
        }
        if (!strictObjectIds && ObjectIds.isHex(value)) {
            return List.of(value, new ObjectId((String) value));
        }
        return List.of(BsonValues.toBson(value));
    }

    private List<Object> allForms(String property, List<?> values) {
        List<Object> all = new ArrayList<>();
        for (Object value : values) {
            if (value == null) {
                all.add(null);
            } else {
                all.addAll(forms(property, value));
            }
        }
        return all;
    }

    private Object single(String property, Object value) {
        return mapping.holdsObjectIds(property)
                ? BsonValues.toBson(ObjectIds.coerce(value, false, property)) : BsonValues.toBson(value);
    }

    private static List<?> list(Where.Condition condition) {
        if (condition.value() instanceof List<?> list) {
            return list;
        }
        throw HttpError.badRequest("The " + condition.operator().wireName() + " operator of "
                + condition.property() + " needs an array");
    }

    private static BsonRegularExpression like(Where.Condition condition, boolean caseInsensitive) {
        Object value = condition.value();
        if (value instanceof Regexp regexp) {
            // LoopBack accepts a regular expression for like
            return regexp(condition, caseInsensitive ? new Regexp(regexp.source(), regexp.flags() + "i") : regexp);
        }
        if (!(value instanceof String pattern)) {
            throw HttpError.badRequest("The " + condition.operator().wireName() + " operator of "
                    + condition.property() + " needs a string");
        }
        return new BsonRegularExpression(likeToRegex(pattern), caseInsensitive ? "i" : "");
    }

    /** LoopBack's like pattern as an unanchored regex: % any run, _ one character, \ quotes, the rest literal. */
    static String likeToRegex(String pattern) {
        StringBuilder regex = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal(regex, pattern.charAt(++i));
            } else if (c == '%') {
                regex.append("[\\s\\S]*");
            } else if (c == '_') {
                regex.append("[\\s\\S]");
            } else {
                literal(regex, c);
            }
        }
        return regex.toString();
    }

    private static void literal(StringBuilder regex, char c) {
        // escaping ASCII punctuation is safe in PCRE and in Java's syntax; letters must not be escaped
        if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
            regex.append('\\');
        }
        regex.append(c);
    }

    private static Regexp toRegexp(Where.Condition condition, Object value) {
        if (value instanceof Regexp regexp) {
            return regexp;
        }
        if (value instanceof String text) {
            return JavaScriptRegex.parse(text);
        }
        throw HttpError.badRequest("The regexp operator of " + condition.property() + " needs a regular expression");
    }

    private static BsonRegularExpression regexp(Where.Condition condition, Regexp regexp) {
        // refuse what does not compile here (400) rather than let the server fail the query (500)
        JavaScriptRegex.compile(regexp);
        StringBuilder options = new StringBuilder();
        for (char flag : new char[] {'i', 'm', 's'}) {
            if (regexp.flags().indexOf(flag) >= 0) {
                options.append(flag);
            }
        }
        // "g" means nothing to a match, as in LoopBack (which warned about it)
        return new BsonRegularExpression(regexp.source(), options.toString());
    }
}
