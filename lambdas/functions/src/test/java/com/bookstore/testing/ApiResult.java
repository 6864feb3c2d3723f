package com.bookstore.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A handler response with its JSON body parsed, for assertions on what a client would see. */
public record ApiResult(int status, java.util.Map<String, String> headers, JsonElement json) {

    public static ApiResult of(APIGatewayV2HTTPResponse response) {
        return new ApiResult(response.getStatusCode(), response.getHeaders(), JsonParser.parseString(response.getBody()));
    }

    public JsonObject body() {
        return json.getAsJsonObject();
    }

    public String error() {
        return body().get("error").getAsString();
    }

    @Override
    public String toString() {
        return status + " " + json;
    }
}
