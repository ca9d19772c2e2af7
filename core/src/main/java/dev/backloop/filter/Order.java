package dev.backloop.filter;

import java.util.Objects;

/** One sort key of a filter's {@code order}. */
public record Order(String property, Direction direction) {
    public enum Direction { ASC, DESC }

    public Order {
        Objects.requireNonNull(property, "property is null");
        Objects.requireNonNull(direction, "direction is null");
    }
}
