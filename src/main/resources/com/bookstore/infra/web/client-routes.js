// CloudFront Function (cloudfront-js-2.0), viewer request of the storefront's default behaviour.
// A path whose last segment has no file extension is a client-side route of the single-page app
// (/books/123, /cart): serve /index.html for it, so a reload or a shared link never reaches S3 as a
// missing key (which S3 answers with 403 when the reader may not list the bucket). Files keep their path.
function handler(event) {
    var request = event.request;
    var uri = request.uri;
    var last = uri.substring(uri.lastIndexOf('/') + 1);
    if (last.indexOf('.') === -1) {
        request.uri = '/index.html';
    }
    return request;
}
