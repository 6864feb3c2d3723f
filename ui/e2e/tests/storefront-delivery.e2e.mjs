// How the local gateway delivers the storefront (docs/ui.md#caching-and-compression): compressed as CloudFront
// compresses, with the cache headers the stack uploads with, and pages whose first paint waits for no
// stylesheet while every Bootstrap class they use survived the build's purge of unused CSS.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openBrowser } from '../harness/browser.mjs';
import { BookstoreApi } from '../harness/bookstoreApi.mjs';
import { startLocalBookstore } from '../harness/localBookstore.mjs';
import { repoRoot } from '../harness/paths.mjs';

const NAME = 'storefront-delivery';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const DEMO = { email: 'demo@bookstore.local', password: 'Demo-passw0rd!' };

let bookstore;

before(async () => {
  bookstore = await startLocalBookstore(NAME);
});

after(async () => {
  await bookstore?.stop();
});

/** A GET that leaves the body as sent (fetch would decode it), so the test decodes it with zlib itself. */
function rawGet(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (response) => {
      const parts = [];
      response.on('data', (part) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(parts) }));
    }).on('error', reject);
  });
}

test('the gateway compresses as CloudFront does and sends the cache headers the stack uploads with', async () => {
  const shell = await rawGet(`${bookstore.url}/`);
  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(shell.body.toString('utf8'))?.[1];
  assert.ok(script, 'index.html loads a module script');
  const plainScript = await rawGet(`${bookstore.url}${script}`);

  const brotli = await rawGet(`${bookstore.url}${script}`, 'gzip, deflate, br, zstd');
  assert.equal(brotli.headers['content-encoding'], 'br', 'Brotli when both are accepted');
  assert.equal(brotli.headers.vary, 'Accept-Encoding');
  assert.ok(brotliDecompressSync(brotli.body).equals(plainScript.body), 'the Brotli body decodes to the script');
  assert.ok(brotli.body.length < plainScript.body.length / 3, `${brotli.body.length} of ${plainScript.body.length} bytes`);

  const gzip = await rawGet(`${bookstore.url}${script}`, 'gzip');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gzip.body).equals(plainScript.body), 'the gzip body decodes to the script');

  assert.equal(plainScript.headers['content-encoding'], undefined, 'no Accept-Encoding, no compression');
  assert.equal(plainScript.headers['cache-control'], IMMUTABLE);
  assert.equal(plainScript.headers['content-type'], 'text/javascript; charset=utf-8');

  const deepLink = await rawGet(`${bookstore.url}/category/cookbooks`, 'gzip, br');
  assert.equal(deepLink.headers['content-encoding'], 'br');
  assert.equal(deepLink.headers['cache-control'], 'no-cache', 'the app shell is revalidated on every load');
  assert.ok(brotliDecompressSync(deepLink.body).equals(shell.body));
  assert.equal((await rawGet(`${bookstore.url}/config.json`)).headers['cache-control'], 'no-cache');
  assert.equal((await rawGet(`${bookstore.url}${script}.br`)).status, 404, 'the bucket has no .br objects');
});

const CLASS = /\.(-?[_a-zA-Z][\w-]*)/g;
/** The classes a selector names, as one key: ".btn-check:checked + .btn" -> "btn btn-check". */
const classKey = (selector) => [...new Set([...selector.matchAll(CLASS)].map(([, name]) => name))].sort().join(' ');

/** Bootstrap's own selectors (each of a comma list), as class keys. */
function bootstrapSelectors() {
  const css = readFileSync(path.join(repoRoot, 'ui/node_modules/bootstrap/dist/css/bootstrap.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const preludes = [...css.matchAll(/([^{};]+)\{/g)].map(([, prelude]) => prelude.trim()).filter((p) => !p.startsWith('@'));
  return new Set(preludes.flatMap((prelude) => prelude.split(',')).map(classKey).filter(Boolean));
}

/** Render-blocking stylesheets, the classes on the page, and the class keys of its stylesheets' selectors. */
async function cssOf(page) {
  return page.evaluate(() => {
    const selectors = [];
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule.selectorText) selectors.push(...rule.selectorText.split(','));
        if (rule.cssRules) walk(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return {
      blocking: [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.href),
      used: [...new Set([...document.querySelectorAll('[class]')].flatMap((element) => [...element.classList]))],
      selectors,
    };
  });
}

test('pages paint without a stylesheet request, and every Bootstrap class they use is in the inlined CSS', async () => {
  const api = new BookstoreApi(bookstore.url);
  const [book] = (await api.api('GET', '/books?category=Cookbooks&limit=1')).items;
  const bootstrap = bootstrapSelectors();
  const browser = await openBrowser(NAME);
  try {
    const { page } = browser;
    await page.setViewportSize({ width: 412, height: 823 }); // a phone: the navigation collapses behind a toggle
    const missing = new Map();
    const look = async (where) => {
      const { blocking, used, selectors } = await cssOf(page);
      assert.deepEqual(blocking, [], `${where}: render-blocking stylesheets`);
      // A Bootstrap rule whose classes are all on the page could apply to it: the inlined CSS must have it.
      const onPage = new Set(used);
      const kept = new Set(selectors.map(classKey));
      for (const key of bootstrap) {
        if (key.split(' ').every((name) => onPage.has(name)) && !kept.has(key)) missing.set(key, where);
      }
    };

    await page.goto(`${bookstore.url}/`);
    await page.getByTestId('category-list').waitFor();
    await look('home');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.locator('#main-nav.show').waitFor();
    await look('home, navigation open');
    await page.goto(`${bookstore.url}/category/cookbooks`);
    await page.getByTestId('book-list').locator('li').first().waitFor();
    await look('category');
    await page.goto(`${bookstore.url}/bestsellers`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await look('best sellers');
    await page.goto(`${bookstore.url}/signin`);
    await page.getByTestId('sign-in-email').fill(DEMO.email);
    await page.getByTestId('sign-in-password').fill(DEMO.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
    await page.goto(`${bookstore.url}/books/${encodeURIComponent(book.id)}`);
    await page.getByTestId(`add-to-cart-${book.id}`).click();
    await page.getByTestId('added-to-cart').waitFor();
    await look('book, added to cart');
    await page.goto(`${bookstore.url}/cart`);
    await page.getByTestId('cart-lines').waitFor();
    await look('cart');
    await page.goto(`${bookstore.url}/checkout`);
    await page.getByTestId('place-order').waitFor();
    await look('checkout');
    await page.goto(`${bookstore.url}/orders`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await look('orders');

    assert.deepEqual(Object.fromEntries(missing), {},
      'Bootstrap rules for classes on these pages that the build purged (ui/scripts/first-paint-css.mjs needs a pattern)');
  } finally {
    await browser.close();
  }
});
