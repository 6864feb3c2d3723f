package com.bookstore.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.bookstore.api.ApiHandler;
import java.util.Map;

/**
 * What a Lambda cold start does, minus the runtime: build the handler from the environment (clients,
 * tables, router) and serve one GET /books. Exits non-zero unless the answer is a 200.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        var handler = new ApiHandler();
        var event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("GET /books").withRawPath("/books")
                .withQueryStringParameters(Map.of("limit", "20"))
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/books").build())
                        .build())
                .build();
        int status = handler.handleRequest(event, null).getStatusCode();
        System.exit(status == 200 ? 0 : 1);
    }
}
