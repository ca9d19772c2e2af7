package dev.backloop.spi;

/** Thrown by a connector when a record is created with an id that is already taken. */
public class DuplicateIdException extends RuntimeException {
    private final String model;
    private final Object id;

    public DuplicateIdException(String model, String idName, Object id) {
        super("Duplicate entry for " + model + "." + idName);
        this.model = model;
        this.id = id;
    }

    public String model() {
        return model;
    }

    public Object id() {
        return id;
    }
}
