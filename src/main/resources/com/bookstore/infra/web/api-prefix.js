// CloudFront Function (cloudfront-js-2.0), viewer request of the storefront's /api/* behaviour.
// The storefront reaches the API on its own origin at /api (no CORS, one web ACL in front of both); the API's
// routes have no prefix, so /api/books goes to the API as /books. The query string is passed on unchanged.
function handler(event) {
    var request = event.request;
    request.uri = request.uri.substring('/api'.length);
    return request;
}
