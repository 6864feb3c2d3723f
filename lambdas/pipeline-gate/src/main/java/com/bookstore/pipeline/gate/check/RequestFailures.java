package com.bookstore.pipeline.gate.check;

import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** Describes why a call to the region did not get an answer, in the words the pipeline console shows. */
final class RequestFailures {
    private RequestFailures() {
    }

    static String describe(String route, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return route + " did not accept a connection in time";
        }
        if (e instanceof HttpTimeoutException) {
            return route + " timed out";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return route + " unreachable (" + message + ")";
    }
}
