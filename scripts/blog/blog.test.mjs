// The local blog against real MariaDB and WordPress: the seeded posts are served by the REST API,
// seeding twice changes nothing, and stopping the script leaves no server behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBlog, stop } from './blogProcess.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const seedPosts = JSON.parse(readFileSync(join(here, 'posts.json'), 'utf8'));

function serversUsing(data) {
  try {
    return execFileSync('pgrep', ['-af', data], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

// WordPress's own sign-in form: a 302 with the logged-in cookie when the password is right, the form again if not.
async function signIn(url, password) {
  const response = await fetch(`${url}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
    body: new URLSearchParams({ log: 'bookstore-admin', pwd: password, testcookie: '1' }).toString(),
  });
  return response.status === 302 && /wordpress_logged_in_/.test(response.headers.get('set-cookie') ?? '');
}

async function posts(url) {
  const response = await fetch(`${url}/wp-json/wp/v2/posts?per_page=100&_fields=slug,title,content,date`);
  assert.equal(response.status, 200);
  return response.json();
}

test('the local blog serves the seeded posts, seeds idempotently and stops cleanly', async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'bookstore-blog-'));
  t.after(() => rmSync(data, { recursive: true, force: true }));

  // The password the seeding task gets from the blog's credentials secret on AWS (docs/blog.md, "Admin access").
  const adminPassword = 'from-the-credentials-secret-42';
  const first = startBlog(0, data, { BOOKSTORE_ADMIN_PASSWORD: adminPassword });
  t.after(() => stop(first.child));
  const url = await first.ready;

  assert.equal(await signIn(url, adminPassword), true, 'the administrator signs in with the password handed to the seed');
  assert.equal(await signIn(url, 'another-password'), false);

  const served = await posts(url);
  assert.deepEqual(served.map((p) => p.slug).sort(), seedPosts.map((p) => p.slug).sort());
  const coffee = served.find((p) => p.slug === 'coffee-at-home-three-ways');
  assert.equal(coffee.title.rendered, 'Coffee at home, three ways');
  assert.match(coffee.content.rendered, /French Press/);
  assert.equal(coffee.date, '2026-11-09T07:45:00');

  await stop(first.child);
  assert.equal(serversUsing(data), '', 'MariaDB and PHP must stop with the script');

  // Same data directory again: the posts are updated in place, not duplicated.
  const second = startBlog(0, data);
  t.after(() => stop(second.child));
  const again = await posts(await second.ready);
  assert.equal(again.length, seedPosts.length);
  assert.match(second.log(), /"created":0,"updated":6/);
  await stop(second.child);
  assert.equal(serversUsing(data), '');
});

test('a second blog on a port that is taken fails with a clear message', async (t) => {
  const holder = createServer();
  await new Promise((resolve, reject) => holder.listen(0, '127.0.0.1', resolve).once('error', reject));
  t.after(() => holder.close());
  const { port } = holder.address();
  const data = mkdtempSync(join(tmpdir(), 'bookstore-blog-'));
  t.after(() => rmSync(data, { recursive: true, force: true }));

  const blog = startBlog(port, data);
  await assert.rejects(blog.ready, /port \d+ is already in use/);
});
