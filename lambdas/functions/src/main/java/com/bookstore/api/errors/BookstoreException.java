package com.bookstore.api.errors;

/** A failure the caller can act on: a kind, a stable machine-readable code and a sentence for people. */
public final class BookstoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String code;
    private final Integer retryAfterSeconds;

    public BookstoreException(ErrorKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private BookstoreException(ErrorKind kind, String code, String message, Integer retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When trying again can succeed, in seconds (the Retry-After header); empty when it cannot be said. */
    public java.util.OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(retryAfterSeconds);
    }

    /** The caller asked too often; the same request succeeds after {@code retryAfterSeconds}. */
    public static BookstoreException throttled(String code, String message, int retryAfterSeconds) {
        return new BookstoreException(ErrorKind.THROTTLED, code, message, Math.max(1, retryAfterSeconds));
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static BookstoreException invalid(String code, String message) {
        return new BookstoreException(ErrorKind.INVALID_REQUEST, code, message);
    }

    public static BookstoreException notFound(String code, String message) {
        return new BookstoreException(ErrorKind.NOT_FOUND, code, message);
    }

    public static BookstoreException conflict(String code, String message) {
        return new BookstoreException(ErrorKind.CONFLICT, code, message);
    }

    public static BookstoreException unprocessable(String code, String message) {
        return new BookstoreException(ErrorKind.UNPROCESSABLE, code, message);
    }
}
