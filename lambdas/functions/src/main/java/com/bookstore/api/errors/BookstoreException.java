package com.bookstore.api.errors;

/** A failure the caller can act on: a kind, a stable machine-readable code and a sentence for people. */
public final class BookstoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String code;

    public BookstoreException(ErrorKind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
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
