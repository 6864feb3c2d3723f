// The blog's allow-list on the real local blog (WordPress + MariaDB behind router.php): with loopback outside the
// admin networks, only the public read paths of public-paths.json reach WordPress; the admin, login, XML-RPC,
// REST writes and user enumeration are refused, however the path is spelled. docs/security.md, "Blog admin".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBlog, stop } from './blogProcess.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const seedPosts = JSON.parse(readFileSync(join(here, 'posts.json'), 'utf8'));

// node:http sends the path exactly as given (no URL normalisation), as a crafted client would.
function send(base, method, rawPath, { headers = {}, body } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: rawPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${rawPath} timed out`)));
    if (body) req.write(body);
    req.end();
  });
}

const MULTICALL = `<?xml version="1.0"?><methodCall><methodName>system.multicall</methodName><params><param><value><array><data>
<value><struct><member><name>methodName</name><value><string>wp.getUsersBlogs</string></value></member>
<member><name>params</name><value><array><data><value><string>bookstore-admin</string></value><value><string>guess</string></value></data></array></value></member></struct></value>
</data></array></value></param></params></methodCall>`;

test('from outside the admin networks only the public read paths reach WordPress', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'bookstore-blog-allow-'));
  t.after(() => rmSync(data, { recursive: true, force: true }));
  // TEST-NET-1 (RFC 5737): no request of this test comes from it, so loopback is "the internet" here
  const blog = startBlog(0, data, { BLOG_ADMIN_CIDRS: '192.0.2.0/24' });
  t.after(() => stop(blog.child));
  const url = await blog.ready;

  // what the storefront reads (ui/src/blog/blogApi.ts) and the health check's path
  const list = await send(url, 'GET', '/wp-json/wp/v2/posts?page=1&per_page=100&_fields=id,date,date_gmt,title,excerpt');
  assert.equal(list.status, 200, list.text);
  const posts = JSON.parse(list.text);
  assert.equal(posts.length, seedPosts.length);
  const one = await send(url, 'GET', `/wp-json/wp/v2/posts/${posts[0].id}`);
  assert.equal(one.status, 200, one.text);
  assert.equal(JSON.parse(one.text).id, posts[0].id);
  assert.equal((await send(url, 'GET', '/wp-json/')).status, 200);
  assert.equal((await send(url, 'HEAD', '/wp-json/wp/v2/posts')).status, 200);

  const refused = [
    ['POST', '/xmlrpc.php', { headers: { 'content-type': 'text/xml' }, body: MULTICALL }],
    ['GET', '/xmlrpc.php'],
    ['GET', '/wp-json/wp/v2/users'],
    ['GET', '/wp-json/wp/v2/users/1'],
    ['GET', '/?rest_route=/wp/v2/users'],
    ['GET', '/wp-json/wp/v2/posts?rest_route=/wp/v2/users'],
    ['GET', '/wp-json/wp/v2/posts?REST_ROUTE=/wp/v2/users'],
    ['GET', '/wp-json/wp/v2/posts?rest%5Froute=/wp/v2/users'],
    ['GET', '/WP-JSON/wp/v2/users'],
    ['GET', '/wp-json/wp/v2/posts/../users'],
    ['GET', '/wp-json/wp/v2/posts/%2e%2e/users'],
    ['GET', '/wp-json/wp/v2/posts?_embed=author'],
    ['GET', `/wp-json/wp/v2/posts/${posts[0].id}?_method=DELETE`],
    ['GET', `/wp-json/wp/v2/posts/${posts[0].id}`, { headers: { 'X-HTTP-Method-Override': 'DELETE' } }],
    ['POST', '/wp-json/wp/v2/posts', { headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' }],
    ['DELETE', `/wp-json/wp/v2/posts/${posts[0].id}`],
    ['GET', '/wp-login.php'],
    ['POST', '/wp-login.php', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'log=bookstore-admin&pwd=guess' }],
    ['GET', '/wp-login.php/x'],
    ['GET', '//wp-admin/'],
    ['GET', '/wp-admin/'],
    ['GET', '/wp-admin/admin-ajax.php'],
    ['GET', '/index.php?rest_route=/wp/v2/users'],
    ['GET', '/?author=1'],
    ['GET', '/'],
    ['GET', '/wp-config.php'],
  ];
  for (const [method, path, options] of refused) {
    const answer = await send(url, method, path, options);
    assert.equal(answer.status, 403, `${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    assert.doesNotMatch(answer.text, /bookstore-admin/, `${method} ${path} names the administrator`);
  }
});
