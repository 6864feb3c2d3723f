package com.bookstore.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A function that keeps every event it receives and answers 200 with a cookie and a custom header, so
 * tests can see both directions of the integration: what the gateway sends and how it relays the answer.
 */
final class RecordingApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
    final List<Context> contexts = new CopyOnWriteArrayList<>();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        events.add(event);
        contexts.add(context);
        if (event.getRawPath().equals("/health")) {
            throw new IllegalStateException("the function crashed");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json", "x-bookstore-region", "eu-west-1"))
                .withCookies(List.of("seen=1"))
                .withBody("{\"route\":\"" + event.getRouteKey() + "\"}")
                .build();
    }

    APIGatewayV2HTTPEvent last() {
        return events.get(events.size() - 1);
    }
}
