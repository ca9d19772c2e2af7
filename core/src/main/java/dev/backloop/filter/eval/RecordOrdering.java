package dev.backloop.filter.eval;

import dev.backloop.filter.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders records by a filter's {@code order} keys, as LoopBack's memory connector sorts: a record missing
 * the value (or holding null) sorts after every record that has one in ascending order and before them in
 * descending order; numbers compare by value, strings by UTF-16 code units, dates as instants. Values of
 * different kinds compare by kind (boolean, number, string, date, other) so the order is total, which
 * JavaScript's mixed comparisons are not.
 */
public final class RecordOrdering implements Comparator<Map<String, Object>> {
    private final PropertyPath[] paths;
    private final int[] signs;

    private RecordOrdering(PropertyPath[] paths, int[] signs) {
        this.paths = paths;
        this.signs = signs;
    }

    /** A comparator for the given keys, first most significant; no keys compares all records equal. */
    public static RecordOrdering of(List<Order> order) {
        Objects.requireNonNull(order, "order is null");
        PropertyPath[] paths = new PropertyPath[order.size()];
        int[] signs = new int[order.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = PropertyPath.of(order.get(i).property());
            signs[i] = order.get(i).direction() == Order.Direction.DESC ? -1 : 1;
        }
        return new RecordOrdering(paths, signs);
    }

    @Override
    public int compare(Map<String, Object> a, Map<String, Object> b) {
        for (int i = 0; i < paths.length; i++) {
            int c = compareValues(paths[i].get(a), paths[i].get(b));
            if (c != 0) {
                return c * signs[i];
            }
        }
        return 0;
    }

    /** The total order of single values used for sorting; null (missing) is greatest. */
    public static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        Object x = LooseComparison.normalize(a);
        Object y = LooseComparison.normalize(b);
        int kx = kind(x);
        int ky = kind(y);
        if (kx != ky) {
            return Integer.compare(kx, ky);
        }
        switch (kx) {
            case 0:
                return Boolean.compare((Boolean) x, (Boolean) y);
            case 1: {
                int c = LooseComparison.compareNumbers((Number) x, (Number) y);
                return c == LooseComparison.INCOMPARABLE ? compareNaN((Number) x, (Number) y) : Integer.signum(c);
            }
            case 2:
                return Integer.signum(((String) x).compareTo((String) y));
            case 3:
                return ((Instant) x).compareTo((Instant) y);
            default:
                return 0;
        }
    }

    private static int kind(Object value) {
        if (value instanceof Boolean) {
            return 0;
        }
        if (value instanceof Number) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof Instant) {
            return 3;
        }
        return 4;
    }

    // NaN sorts after every other number so that the order stays total
    private static int compareNaN(Number a, Number b) {
        boolean nanA = isNaN(a);
        boolean nanB = isNaN(b);
        return Boolean.compare(nanA, nanB);
    }

    private static boolean isNaN(Number n) {
        return !(n instanceof BigDecimal) && Double.isNaN(n.doubleValue());
    }
}
