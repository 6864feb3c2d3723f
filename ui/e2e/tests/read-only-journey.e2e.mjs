// The read-only journey each region's canary runs (journeys/readOnlyJourney.mjs, the very file the canary's zip
// holds), here against a local bookstore that plays a region other than the default, in Debian's Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from '../harness/browser.mjs';
import { BookstoreApi } from '../harness/bookstoreApi.mjs';
import { startLocalBookstore } from '../harness/localBookstore.mjs';
import { readOnlyJourney } from '../journeys/readOnlyJourney.mjs';

const NAME = 'read-only-journey';
const REGION = 'ap-southeast-2'; // not local.sh's default, so the region check sees the launcher's setting

let bookstore;
let browser;

before(async () => {
  // The journey reads the catalogue, never the blog: the bookstore starts without it (a lighter start).
  bookstore = await startLocalBookstore(NAME, { AWS_REGION: REGION, BOOKSTORE_BLOG: 'off' });
  browser = await openBrowser(NAME);
});

after(async () => {
  await browser?.close();
  await bookstore?.stop();
});

test('the canary journey browses the storefront of its region and reads the API of that region', async () => {
  const steps = [];
  const seen = await readOnlyJourney({
    page: browser.page,
    storefrontUrl: bookstore.url,
    apiUrl: `${bookstore.url}/api`,
    region: REGION,
    step: async (name, body) => {
      steps.push(name);
      await body();
      await browser.shot(name);
    },
  });
  assert.deepEqual(steps, ['api-health', 'home', 'category', 'book', 'best-sellers']);
  const api = new BookstoreApi(bookstore.url);
  const book = await api.api('GET', `/books/${encodeURIComponent(seen.book.id)}`);
  assert.equal(seen.book.name, book.name);
  // the storefront's slug of a category (ui/src/catalog/categories.ts)
  assert.equal(seen.category, book.category.toLowerCase().replace(/\s+/g, '-'), 'the book opened is in the category browsed');
  assert.deepEqual(browser.consoleErrors, [], 'no page error');
});

test('the journey fails when another region answers', async () => {
  await assert.rejects(readOnlyJourney({ page: browser.page, storefrontUrl: bookstore.url,
    apiUrl: `${bookstore.url}/api`, region: 'us-west-2' }), /answered from ap-southeast-2, not us-west-2/);
});
