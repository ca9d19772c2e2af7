package dev.backloop.boot;

/**
 * An app directory or model definition that cannot be booted. The message names the file, model,
 * datasource or setting at fault, because it is what an operator reads when the server does not start.
 */
public class BootException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BootException(String message) {
        super(message);
    }

    public BootException(String message, Throwable cause) {
        super(message, cause);
    }
}
