package com.bookstore.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.crac.Core;
import org.crac.Resource;

/**
 * Entry point of the API function (HTTP API, payload 2.0): every route of the API in one function, see
 * docs/api.md for why. Everything expensive is built in the constructor, once per container, and primed
 * before a SnapStart snapshot.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    private final BookstoreApi api;

    public ApiHandler() {
        this(BookstoreApi.fromEnvironment());
    }

    public ApiHandler(BookstoreApi api) {
        this.api = api;
        Core.getGlobalContext().register(this);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        api.prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // clients reconnect lazily; nothing to refresh
    }
}
