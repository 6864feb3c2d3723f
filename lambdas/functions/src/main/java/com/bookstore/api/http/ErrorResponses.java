package com.bookstore.api.http;

import com.bookstore.api.errors.BookstoreException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The one place where failures become HTTP: status, {@code {"error","message"}} body and headers.
 * Domain errors keep their code; dependency failures become 429/503; anything else is a 500 whose
 * details go to the log, not to the caller.
 */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    public record ErrorBody(String error, String message) {
    }

    public static HttpResponse of(Throwable failure) {
        if (failure instanceof BookstoreException e) {
            var retryAfter = e.retryAfterSeconds();
            return retryAfter.isPresent()
                    ? new HttpResponse(status(e), new ErrorBody(e.code(), e.getMessage()),
                            Map.of("Retry-After", Integer.toString(retryAfter.getAsInt())))
                    : HttpResponse.of(status(e), new ErrorBody(e.code(), e.getMessage()));
        }
        if (failure instanceof Router.MethodNotAllowed e) {
            return new HttpResponse(405, new ErrorBody("method_not_allowed", e.getMessage()), Map.of("Allow", e.allow()));
        }
        if (failure instanceof DynamoDbException e && e.isThrottlingException()) {
            return new HttpResponse(429, new ErrorBody("throttled", "too many requests; retry shortly"),
                    Map.of("Retry-After", "1"));
        }
        if (failure instanceof SdkException || failure instanceof JedisException) {
            LOG.log(Level.WARNING, "dependency failure", failure);
            return new HttpResponse(503, new ErrorBody("unavailable", "a backing service is unavailable; retry shortly"),
                    Map.of("Retry-After", "1"));
        }
        LOG.log(Level.SEVERE, "unexpected failure", failure);
        return HttpResponse.of(500, new ErrorBody("internal", "unexpected error"));
    }

    private static int status(BookstoreException e) {
        return switch (e.kind()) {
            case INVALID_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
