package dev.backloop.error;

import java.util.Objects;

/**
 * An error that reaches a client. The REST layer renders it as LoopBack's body
 * {@code {"error":{"statusCode","name","message","code"?,"details"?}}}.
 */
public class HttpError extends RuntimeException {
    private final int statusCode;
    private final String name;
    private final String code;
    private final Object details;

    public HttpError(int statusCode, String name, String message, String code, Object details, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.name = Objects.requireNonNull(name, "name is null");
        this.code = code;
        this.details = details;
    }

    public HttpError(int statusCode, String name, String message, String code, Object details) {
        this(statusCode, name, message, code, details, null);
    }

    public HttpError(int statusCode, String name, String message) {
        this(statusCode, name, message, null, null, null);
    }

    public int statusCode() {
        return statusCode;
    }

    /** LoopBack's {@code name}: {@code "Error"}, {@code "ValidationError"}, {@code "BadRequestError"}... */
    public String name() {
        return name;
    }

    /** A stable machine-readable code such as {@code MODEL_NOT_FOUND}, or {@code null}. */
    public String code() {
        return code;
    }

    /** Structured details (JSON-like), or {@code null}. */
    public Object details() {
        return details;
    }

    /** 400 BadRequestError, for arguments of the wrong type or shape. */
    public static HttpError badRequest(String message) {
        return new HttpError(400, "BadRequestError", message);
    }

    public static HttpError badRequest(String message, String code) {
        return new HttpError(400, "BadRequestError", message, code, null);
    }

    /** LoopBack's miss on an id: 404 {@code Unknown "Book" id "7".} with code {@code MODEL_NOT_FOUND}. */
    public static HttpError modelNotFound(String model, Object id) {
        return new HttpError(404, "Error", "Unknown \"" + model + "\" id \"" + id + "\".", "MODEL_NOT_FOUND", null);
    }

    /**
     * LoopBack's miss when an instance method ({@code /Books/7/...}: a {@code prototype.} method or a relation
     * route) cannot load its instance: 404 {@code could not find a model with id 7} with code
     * {@code MODEL_NOT_FOUND}, the message of LoopBack 3's shared constructor.
     */
    public static HttpError instanceNotFound(Object id) {
        return new HttpError(404, "Error", "could not find a model with id " + id, "MODEL_NOT_FOUND", null);
    }
}
