// The read-only shopper journey: the same file runs in the local end-to-end suite
// (tests/read-only-journey.e2e.mjs, playwright-core and Debian's Chromium) and, byte for byte, as each region's
// CloudWatch Synthetics canary (canary/index.mjs, the syn-nodejs-playwright runtime; docs/observability.md#canaries).
// It signs nobody in and writes nothing, so it can run every five minutes against production.
//
// It uses only Playwright's own Page API (goto, route, getByTestId, locator), which both provide, and the
// platform's fetch (Node.js 20 and later). No imports: the canary's zip holds this file and its entry point only.

/**
 * Runs the journey; throws at the first thing a shopper would find wrong.
 *
 * @param {object} journey
 * @param {import('playwright-core').Page} journey.page a Playwright page
 * @param {string} journey.storefrontUrl the storefront's origin (the pages and their /config.json)
 * @param {string} journey.apiUrl this region's own API base URL (its execute-api stage, never the failover name)
 * @param {string} journey.region the region that must answer: /health, /region and the storefront's region badge
 * @param {(name: string, body: () => Promise<void>) => Promise<void>} [journey.step] runs one named step
 *        (the canary's synthetics.executeStep; locally a plain call)
 * @returns {Promise<{category: string, book: {id: string, name: string}, bestSellers: number}>} what the
 *          shopper saw: the category's slug (its path), the book opened, the best sellers listed
 */
export async function readOnlyJourney({ page, storefrontUrl, apiUrl, region, step = (name, body) => body() }) {
  const storefront = storefrontUrl.replace(/\/+$/, '');
  const api = apiUrl.replace(/\/+$/, '');
  const seen = {};

  await step('api-health', async () => {
    const health = await getJson(`${api}/health`);
    check(health.status === 'ok', `GET /health says ${JSON.stringify(health)}`);
    check(health.region === region, `GET /health answered from ${health.region}, not ${region}`);
    const served = await getJson(`${api}/region`);
    check(served.region === region, `GET /region answered from ${served.region}, not ${region}`);
  });

  await step('home', async () => {
    // The pages call the API the storefront's config names (with a domain, the failover name behind CloudFront);
    // the journey sends those calls to this region's own API instead, so a broken region cannot hide behind the
    // other one. The browser still sees its own origin: no CORS or Content-Security-Policy difference.
    const { apiBaseUrl } = await getJson(`${storefront}/config.json`);
    const configured = new URL(apiBaseUrl, `${storefront}/`).href.replace(/\/+$/, ''); // may be relative
    await page.route((url) => url.href.startsWith(`${configured}/`), async (route) => {
      const response = await route.fetch({ url: api + route.request().url().slice(configured.length) });
      await route.fulfill({ response });
    });
    await page.goto(storefront);
    await page.getByTestId('category-list').waitFor();
    // The badge names the region whose API answered (X-Bookstore-Region, else /region).
    await page.locator(`[data-testid="region-badge"][data-region="${region}"]`).waitFor();
  });

  await step('category', async () => {
    await page.getByTestId('category-list').getByRole('link').first().click();
    await page.getByTestId('book-list').waitFor();
    seen.category = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    const cards = page.locator('[data-testid^="book-card-"]');
    check(await cards.count() >= 1, `the category "${seen.category}" lists no book`);
  });

  await step('book', async () => {
    const card = page.locator('[data-testid^="book-card-"]').first();
    const id = (await card.getAttribute('data-testid')).replace('book-card-', '');
    const book = await getJson(`${api}/books/${encodeURIComponent(id)}`);
    await card.getByRole('link', { name: book.name }).click();
    const detail = page.getByTestId('book-detail');
    await detail.waitFor();
    check((await detail.innerText()).includes(book.name), `the page of ${id} does not show "${book.name}"`);
    await page.getByTestId('book-price').waitFor();
    seen.book = { id, name: book.name };
  });

  await step('best-sellers', async () => {
    const { items } = await getJson(`${api}/bestsellers`);
    await page.goto(`${storefront}/bestsellers`);
    if (items.length > 0) {
      await page.getByTestId('bestseller-list').waitFor();
      seen.bestSellers = await page.getByTestId('bestseller-list').locator('tbody tr').count();
      check(seen.bestSellers > 0, 'the best sellers page lists none, the API has some');
    } else {
      await page.getByRole('heading', { level: 1 }).waitFor();
      seen.bestSellers = 0;
    }
  });
  return seen;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}
