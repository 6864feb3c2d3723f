<?php
// Router for PHP's built-in server: real files are served as they are, everything else goes to
// WordPress's front controller, which is what Apache's rewrite rules do for pretty permalinks.
//
// First, the same allow-list the load balancer enforces on AWS (public-paths.json beside this file,
// docs/security.md "Blog admin"): from the admin networks (BLOG_ADMIN_CIDRS, comma-separated; start.sh
// defaults it to loopback) everything; from anywhere else only the public read paths, and 403 for the rest.
// Path patterns are matched as the load balancer matches them: case-sensitive, on the raw path.

/** An ALB path pattern (* any characters, ? exactly one) as an anchored, case-sensitive regex. */
function blog_pattern_matches(string $pattern, string $value, bool $caseless = false): bool
{
    $regex = '';
    foreach (str_split($pattern) as $char) {
        $regex .= $char === '*' ? '.*' : ($char === '?' ? '.' : preg_quote($char, '~'));
    }
    return preg_match('~^' . $regex . '$~s' . ($caseless ? 'i' : ''), $value) === 1;
}

function blog_in_cidr(string $address, string $cidr): bool
{
    [$network, $bits] = array_pad(explode('/', trim($cidr), 2), 2, null);
    $a = @inet_pton($address);
    $n = @inet_pton($network);
    if ($a === false || $n === false || strlen($a) !== strlen($n)) {
        return false;
    }
    $bits = $bits === null ? strlen($a) * 8 : (int) $bits;
    $bytes = intdiv($bits, 8);
    if (substr($a, 0, $bytes) !== substr($n, 0, $bytes)) {
        return false;
    }
    $rest = $bits % 8;
    return $rest === 0 || ((ord($a[$bytes]) ^ ord($n[$bytes])) & (0xFF << (8 - $rest)) & 0xFF) === 0;
}

/** Why the request is refused, or null when it may reach WordPress. */
function blog_refusal(array $list, string $method, string $rawPath, string $rawQuery, array $server): ?string
{
    foreach ($list['refused']['pathPatterns'] as $pattern) {
        if (blog_pattern_matches($pattern, $rawPath)) {
            return "path $pattern";
        }
    }
    // query keys compare case-insensitively, as the load balancer's query-string conditions do; decoded here
    foreach ($rawQuery === '' ? [] : explode('&', $rawQuery) as $pair) {
        $key = urldecode(explode('=', $pair, 2)[0]);
        foreach ($list['refused']['queryKeys'] as $refused) {
            if (strcasecmp($key, $refused) === 0 || stripos($key, $refused . '[') === 0) {
                return "query key $refused";
            }
        }
    }
    foreach ($list['refused']['headers'] as $header) {
        if (isset($server['HTTP_' . strtoupper(str_replace('-', '_', $header))])) {
            return "header $header";
        }
    }
    if (!in_array($method, $list['methods'], true)) {
        return "method $method";
    }
    foreach ($list['publicPaths'] as $pattern) {
        if (blog_pattern_matches($pattern, $rawPath)) {
            return null;
        }
    }
    return 'not a public path';
}

$requestUri = $_SERVER['REQUEST_URI'];
$rawPath = explode('?', $requestUri, 2)[0];
$rawQuery = explode('?', $requestUri, 2)[1] ?? '';
$adminCidrs = array_filter(array_map('trim', explode(',', getenv('BLOG_ADMIN_CIDRS') ?: '')));
$fromAdmin = false;
foreach ($adminCidrs as $cidr) {
    $fromAdmin = $fromAdmin || blog_in_cidr($_SERVER['REMOTE_ADDR'], $cidr);
}
if (!$fromAdmin) {
    $list = json_decode(file_get_contents(__DIR__ . '/public-paths.json'), true, 16, JSON_THROW_ON_ERROR);
    $why = blog_refusal($list, $_SERVER['REQUEST_METHOD'], $rawPath, $rawQuery, $_SERVER);
    if ($why !== null) {
        http_response_code(403);
        header('Content-Type: text/plain');
        error_log("[blog] refused {$_SERVER['REQUEST_METHOD']} $requestUri from {$_SERVER['REMOTE_ADDR']}: $why");
        echo "The blog answers its public read paths only; the rest is reachable from its admin networks.\n";
        return true;
    }
}

$path = parse_url($requestUri, PHP_URL_PATH);
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && file_exists($file) && !is_dir($file)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
