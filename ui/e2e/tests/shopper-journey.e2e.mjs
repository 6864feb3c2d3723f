// The whole user journey in a real browser against a local bookstore started for this test:
// guest browsing, sign-up with the printed code (and a resent one), cart, checkout (double click and reload included),
// a price change in the catalogue, confirmation and order history line by line, the best sellers moving,
// sign-out, and the layout of the header, region badge and covers. One screenshot per step in
// build/e2e/shopper-journey/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from '../harness/browser.mjs';
import { BookstoreApi } from '../harness/bookstoreApi.mjs';
import { LocalCatalogue } from '../harness/localCatalogue.mjs';
import { startLocalBookstore } from '../harness/localBookstore.mjs';
import { repoRoot } from '../harness/paths.mjs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const NAME = 'shopper-journey';
const PASSWORD = 'E2e-passw0rd!';
const cents = (amount) => Math.round(Number(amount) * 100);
/** The amount shown in a price element, in cents ("€41.98" -> 4198). */
const shownCents = (text) => cents(text.replace(/[^0-9.]/g, ''));
const dollars = (amountInCents) => `$${(amountInCents / 100).toFixed(2)}`;

/** What a shopper reads on an order line (confirmation or order history): unit price, quantity, line total. */
async function orderLine(scope, bookId) {
  const line = scope.getByTestId(`order-line-${bookId}`);
  return {
    unit: shownCents(await line.getByTestId('line-unit-price').innerText()),
    quantity: Number(await line.getByTestId('line-quantity').innerText()),
    total: shownCents(await line.getByTestId('line-total').innerText()),
  };
}

/** Top edges and heights of the visible items of the header, for the one-row check. */
function headerRows(page) {
  return page.getByTestId('site-navbar').evaluate((navbar) => {
    const items = navbar.querySelectorAll('.navbar-brand, .nav-link, [data-testid="region-badge"], select, [data-testid="signed-in-as"], [data-testid="sign-out"], .navbar-toggler');
    const visible = [...items].filter((item) => item.getClientRects().length > 0 && getComputedStyle(item).visibility !== 'hidden');
    return {
      height: navbar.getBoundingClientRect().height,
      items: visible.map((item) => {
        const box = item.getBoundingClientRect();
        return { what: item.dataset.testid ?? item.textContent.trim(), top: box.top, bottom: box.bottom, right: box.right };
      }),
      containerRight: navbar.querySelector('.container').getBoundingClientRect().right,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

let bookstore;
let browser;
let api;
/** The local moto server the bookstore's tables live in (the launcher prints it). */
const motoPort = () => Number(/moto listening on 127\.0\.0\.1:(\d+)/.exec(bookstore.output())[1]);

before(async () => {
  bookstore = await startLocalBookstore(NAME);
  api = new BookstoreApi(bookstore.url);
  browser = await openBrowser(NAME);
});

after(async () => {
  await browser?.close();
  await bookstore?.stop();
});

/** Waits until `read()` returns `expected`, reloading the page between looks (the board updates asynchronously). */
async function eventually(page, read, expected, what) {
  const deadline = Date.now() + 20_000;
  let seen;
  while (Date.now() < deadline) {
    seen = await read().catch((error) => `unreadable: ${error.message}`);
    if (seen === expected) return;
    await page.waitForTimeout(500);
    await page.reload();
  }
  assert.equal(seen, expected, what);
}

test('a shopper browses, signs up, buys two books once, sees the order and the best sellers move', async (t) => {
  const { page, shot } = browser;
  // Each step builds on the one before: after a failure the rest report that instead of timing out one by one.
  let failedStep = null;
  const step = (name, body) => t.test(name, async () => {
    if (failedStep) throw new Error(`not run: "${failedStep}" failed`);
    try {
      await body();
    } catch (error) {
      failedStep = name;
      await shot('FAILED').catch(() => {});
      throw error;
    }
  });
  const email = `reader-${Date.now()}@example.com`;
  let bookA;
  let bookB;
  let expectedTotal;

  // The scene: an earlier customer (the demo account) already bought one book.
  const demo = /demo account: (\S+) \/ (\S+)/.exec(bookstore.output());
  assert.ok(demo, 'the launcher prints the demo account');
  const demoToken = await api.signIn(demo[1], demo[2]);
  const [earlierBook] = (await api.api('GET', '/books?category=Woodwork&limit=1')).items;
  await api.api('POST', '/cart', { token: demoToken, body: { bookId: earlierBook.id, quantity: 1 } });
  await api.api('POST', '/orders', { token: demoToken, headers: { 'Idempotency-Key': crypto.randomUUID() } });

  await step('a guest sees the categories and the best sellers on the home page', async () => {
    await page.goto(bookstore.url);
    await page.getByTestId('category-list').waitFor();
    const strip = page.getByTestId('bestseller-strip');
    await eventually(page, () => strip.getByRole('link', { name: earlierBook.name }).first().isVisible().then(String), 'true',
      'the earlier order is on the home page best-seller strip');
    assert.match(await strip.innerText(), /1 sold/);
    await shot('guest-home');
  });

  await step('a guest reads the blog: the seeded posts come from the local WordPress', async () => {
    const seeded = JSON.parse(readFileSync(path.join(repoRoot, 'scripts/blog/posts.json'), 'utf8'));
    const newest = [...seeded].sort((a, b) => b.date.localeCompare(a.date))[0];
    await page.goto(`${bookstore.url}/blog`);
    const list = page.getByTestId('blog-list');
    await list.getByRole('link', { name: newest.title }).first().waitFor();
    assert.equal(await list.locator('article').count(), seeded.length);
    await list.getByRole('link', { name: newest.title }).first().click();
    await page.getByTestId('blog-post').waitFor();
    assert.match(await page.getByTestId('blog-post').innerText(), /French Press/);
    await shot('guest-blog-post');
    await page.goto(bookstore.url); // the next step starts from the home page
    await page.getByTestId('category-list').waitFor();
  });

  await step('a guest browses a category and opens a book', async () => {
    await page.getByTestId('category-list').getByRole('link').first().click();
    await page.getByTestId('book-list').waitFor();
    const cards = page.locator('[data-testid^="book-card-"]');
    assert.ok(await cards.count() >= 2, 'the category lists several books');
    const ids = await cards.evaluateAll((nodes) => nodes.map((node) => node.dataset.testid.replace('book-card-', '')));
    [bookA, bookB] = await Promise.all(ids.slice(0, 2).map((id) => api.api('GET', `/books/${encodeURIComponent(id)}`)));
    await shot('guest-category');

    await cards.first().getByRole('link', { name: bookA.name }).click();
    await page.getByTestId('book-detail').waitFor();
    assert.equal(shownCents(await page.getByTestId('book-price').innerText()), cents(bookA.price));
    assert.match(await page.getByTestId('book-detail').innerText(), new RegExp(bookA.author));
    await shot('guest-book');
  });

  await step('a guest sees the best sellers page with copies sold', async () => {
    await page.goto(`${bookstore.url}/bestsellers`);
    const row = page.getByTestId(`bestseller-${earlierBook.id}`);
    assert.equal(await row.getByTestId('copies-sold').innerText(), '1');
    await shot('guest-bestsellers');
  });

  let firstCode;
  await step('the guest signs up and the bookstore prints the confirmation code', async () => {
    await page.getByTestId('nav-sign-up').click();
    await page.getByTestId('sign-up-email').fill(email);
    await page.getByTestId('sign-up-password').fill(PASSWORD);
    await shot('sign-up');
    await page.getByTestId('sign-up-submit').click();
    await page.getByTestId('confirm-form').waitFor();
    firstCode = await api.signUpCode(email);
    assert.match(bookstore.output(), new RegExp(`confirmation code for ${email.replace(/[.]/g, '\\.')}: ${firstCode}`));
  });

  await step('the guest asks for a new code, the first one stops working, the new one signs them in', async () => {
    await page.getByTestId('resend-code').click();
    const masked = `${email[0]}***@${email.split('@')[1][0]}***`; // as Cognito names the destination
    await page.getByTestId('resend-status').getByText(`We sent a new code to ${masked}.`).waitFor();
    assert.equal(await page.getByTestId('resend-code').isDisabled(), true, 'cooling down after a resend');
    const code = await api.signUpCode(email);
    if (code !== firstCode) { // two random six-digit codes coincide once in a million
      await page.getByTestId('confirm-code').fill(firstCode);
      await page.getByTestId('confirm-submit').click();
      assert.match(await page.getByTestId('auth-error').innerText(), /code is not right/);
    }
    await page.getByTestId('confirm-code').fill(code);
    await shot('sign-up-confirm');
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('signed-in-as').waitFor();
    assert.match(await page.getByTestId('signed-in-as').innerText(), new RegExp(email.split('@')[0]));
    await shot('signed-up');
  });

  await step('the new customer signs out and signs in again with the form', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('nav-sign-in').click();
    await page.getByTestId('sign-in-email').fill(email);
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-as').waitFor();
    await shot('signed-in');
  });

  await step('signed in at 1280 px the header is one row; below 1200 px it collapses behind the toggle', async () => {
    const wide = await headerRows(page);
    const centres = wide.items.map((item) => (item.top + item.bottom) / 2);
    assert.ok(Math.max(...centres) - Math.min(...centres) <= 4, `header items on one row: ${JSON.stringify(wide.items)}`);
    // a label that breaks inside ("Best / sellers", "Sign / out") makes its item taller than a nav link's 40 px
    assert.ok(wide.items.every((item) => item.bottom - item.top <= 40), `no item wraps: ${JSON.stringify(wide.items)}`);
    assert.ok(wide.height <= 64, `header is one row high (${wide.height} px)`);
    assert.ok(wide.items.every((item) => item.right <= wide.containerRight + 1), `nothing past the container: ${JSON.stringify(wide.items)}`);
    assert.ok(!wide.items.some((item) => item.what === 'Toggle navigation' || item.what === ''), 'no toggle at 1280 px');

    await page.setViewportSize({ width: 1000, height: 900 });
    const collapsed = await headerRows(page);
    assert.ok(collapsed.height <= 64, `collapsed header is one row (${collapsed.height} px)`);
    assert.equal(await page.getByRole('button', { name: 'Toggle navigation' }).isVisible(), true);
    assert.equal(await page.getByTestId('sign-out').isVisible(), false, 'the account is behind the toggle');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByTestId('sign-out').waitFor();
    const open = await headerRows(page);
    assert.ok(open.pageWidth <= 1000, `the open menu fits the width (${open.pageWidth} px)`);
    await shot('header-collapsed-open');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Toggle navigation' }).waitFor({ state: 'hidden' });
  });

  await step('the region badge is blank while /region loads, and says "unknown" only when it failed', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/api/region', async (route) => { await held; await route.continue(); });
    await page.goto(`${bookstore.url}/blog`); // the blog calls WordPress: the header's /region is its only API call
    const badge = page.getByTestId('region-badge');
    await badge.waitFor();
    assert.equal(await badge.getAttribute('data-state'), 'pending');
    assert.doesNotMatch(await badge.innerText(), /unknown/i);
    release();
    // the header of the /region answer names the region a moment before its body gives the role
    await badge.getByText('eu-west-1 (primary)').waitFor();
    assert.equal(await badge.getAttribute('data-state'), 'known');
    await page.unroute('**/api/region');

    await page.route('**/api/region', (route) => route.abort());
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="region-badge"]')?.dataset.state === 'unknown');
    assert.equal(await badge.innerText(), 'Region unknown');
    await page.unroute('**/api/region');
  });

  await step('no generated cover clips its title or author', async () => {
    const books = [];
    for (let cursor = null, first = true; first || cursor; first = false) {
      const page_ = await api.api('GET', `/books?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      books.push(...page_.items);
      cursor = page_.nextCursor;
    }
    assert.ok(books.length > 40, 'the whole catalogue');
    const overflowing = await page.evaluate(async (covers) => {
      const found = [];
      for (const cover of covers) {
        const svg = new DOMParser().parseFromString(await (await fetch(cover)).text(), 'image/svg+xml').documentElement;
        const host = document.body.appendChild(document.createElement('div'));
        host.append(document.importNode(svg, true));
        const frame = host.querySelector('rect[stroke]').getBBox();
        for (const text of host.querySelectorAll('text')) {
          const box = text.getBBox();
          if (box.x < frame.x || box.x + box.width > frame.x + frame.width) {
            found.push(`${cover}: "${text.textContent}" spans ${Math.round(box.x)}..${Math.round(box.x + box.width)}`);
          }
        }
        host.remove();
      }
      return found;
    }, books.map((book) => book.cover));
    assert.deepEqual(overflowing, [], 'every line of every cover inside its frame');
    const levantine = books.find((book) => book.name === 'Levantine Hummus');
    await page.goto(`${bookstore.url}/books/${encodeURIComponent(levantine.id)}`);
    await page.getByTestId('book-detail').waitFor();
    await shot('cover-long-title');
  });

  await step('the customer adds two books and changes a quantity in the cart', async () => {
    for (const book of [bookA, bookB]) {
      await page.goto(`${bookstore.url}/books/${encodeURIComponent(book.id)}`);
      await page.getByTestId(`add-to-cart-${book.id}`).click();
      await page.getByTestId('added-to-cart').waitFor();
    }
    await shot('added-two-books');

    await page.getByTestId('nav-cart').click();
    await page.getByTestId(`cart-line-${bookA.id}`).waitFor();
    await page.getByTestId(`cart-line-${bookB.id}`).waitFor();
    expectedTotal = 3 * cents(bookA.price) + cents(bookB.price);
    const quantity = page.getByTestId(`cart-quantity-${bookA.id}`);
    await quantity.fill('3');
    await quantity.press('Enter');
    await eventually(page, async () => shownCents(await page.getByTestId('cart-total').innerText()), expectedTotal,
      'the cart total follows the new quantity');
    assert.equal(await page.getByTestId(`cart-quantity-${bookA.id}`).inputValue(), '3');
    await shot('cart');
  });

  let priceA;
  await step('a price rise in the catalogue shows in the cart and at checkout, named, and is what the order charges', async () => {
    // An operator raises book A's price after the shopper put it in the cart; the API prices carts at read time.
    priceA = cents(bookA.price) + 150;
    await new LocalCatalogue(motoPort()).setPrice(bookA.id, (priceA / 100).toFixed(2));
    await page.reload();
    const notice = page.getByTestId(`price-changed-${bookA.id}`);
    await notice.waitFor();
    assert.equal(await notice.innerText(), `${bookA.name}: now ${dollars(priceA)} (was ${dollars(cents(bookA.price))})`);
    assert.equal(await page.getByTestId(`price-changed-${bookB.id}`).count(), 0, 'only the changed book is named');
    const lineA = page.getByTestId(`cart-line-${bookA.id}`);
    assert.equal(shownCents(await lineA.getByTestId('line-unit-price').innerText()), priceA);
    assert.equal(shownCents(await lineA.getByTestId('line-total').innerText()), 3 * priceA);
    expectedTotal = 3 * priceA + cents(bookB.price);
    assert.equal(shownCents(await page.getByTestId('cart-total').innerText()), expectedTotal);
    await shot('cart-price-changed');
  });

  await step('a double click on "place order" and a reload create one order', async () => {
    await page.getByTestId('go-to-checkout').click();
    await page.getByTestId('checkout-lines').waitFor();
    assert.equal(shownCents(await page.getByTestId('checkout-total').innerText()), expectedTotal);
    assert.match(await page.getByTestId(`price-changed-${bookA.id}`).innerText(), new RegExp(`now \\${dollars(priceA)}`));
    assert.match(await page.getByTestId(`checkout-line-${bookA.id}`).innerText(), new RegExp(`\\${dollars(priceA)} each`));
    await shot('checkout');
    await page.getByTestId('place-order').dblclick();
    await page.getByTestId('order-confirmation').waitFor();
    const orderId = /ord-[0-9a-f]+/.exec(await page.getByTestId('confirmation-order-id').innerText())?.[0];
    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.getByTestId(`order-line-${bookA.id}`).waitFor();
    assert.deepEqual(await orderLine(confirmation, bookA.id), { unit: priceA, quantity: 3, total: 3 * priceA });
    assert.deepEqual(await orderLine(confirmation, bookB.id),
      { unit: cents(bookB.price), quantity: 1, total: cents(bookB.price) });
    assert.equal(shownCents(await confirmation.getByTestId('order-total').innerText()), expectedTotal);
    await shot('order-placed');

    await page.reload();
    await page.getByTestId('order-confirmation').waitFor();
    await page.goBack();
    await page.goto(`${bookstore.url}/checkout`);
    await page.getByTestId('checkout-empty').waitFor();
    await shot('checkout-after-order');

    const token = await api.signIn(email, PASSWORD);
    const { items: orders } = await api.api('GET', '/orders', { token });
    assert.equal(orders.length, 1, `one order, not ${orders.length}`);
    assert.equal(orders[0].orderId, orderId);
    assert.equal(cents(orders[0].total), expectedTotal);
  });

  await step('the order is in past orders with the right total', async () => {
    await page.getByTestId('nav-orders').click();
    await page.getByTestId('order-list').waitFor();
    assert.equal(await page.getByTestId('order-list').locator(':scope > li').count(), 1);
    assert.equal(shownCents(await page.getByTestId('order-total').innerText()), expectedTotal);
    const history = page.getByTestId('order-list');
    assert.deepEqual(await orderLine(history, bookA.id), { unit: priceA, quantity: 3, total: 3 * priceA });
    assert.deepEqual(await orderLine(history, bookB.id), { unit: cents(bookB.price), quantity: 1, total: cents(bookB.price) });
    await shot('order-history'); // build/e2e/shopper-journey/NN-order-history.png: the lines a shopper reads
  });

  await step('the best sellers move with the order', async () => {
    await page.goto(`${bookstore.url}/bestsellers`);
    const sold = (book) => page.getByTestId(`bestseller-${book.id}`).getByTestId('copies-sold').innerText();
    await eventually(page, () => sold(bookA), '3', `${bookA.name} shows the three copies just bought`);
    assert.equal(await sold(bookB), '1');
    assert.equal(await sold(earlierBook), '1');
    const rows = await page.getByTestId('bestseller-list').locator('[data-testid^="bestseller-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.dataset.testid));
    assert.equal(rows[0], `bestseller-${bookA.id}`, 'the book with three copies leads the board');
    await shot('bestsellers-moved');
  });

  await step('the customer signs out and the orders are private again', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('nav-sign-in').waitFor();
    await page.goto(`${bookstore.url}/orders`);
    await page.getByTestId('sign-in-form').waitFor();
    await shot('signed-out');
  });

  assert.deepEqual(browser.consoleErrors, [], 'no uncaught errors in the page');
});

// docs/observability.md: the runtime's request log is one JSON object per API request, and neither it nor the
// embedded-metric lines ever hold a token or a customer's id (only its hash). Scanned after the journey, so the
// sign-up, checkout and sign-out above are in the log too.
test('the request log and the metrics name customers only by hash and hold no token', async () => {
  const demo = /demo account: (\S+) \/ (\S+)/.exec(bookstore.output());
  const token = await api.signIn(demo[1], demo[2]);
  const sub = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
  await api.api('GET', '/cart', { token });
  await api.api('POST', '/cart', { token, body: { bookId: (await api.api('GET', '/books?limit=1')).items[0].id, quantity: 1 } });

  const hash = createHash('sha256').update(sub).digest('hex').slice(0, 16);
  const metricsFile = path.join(repoRoot, 'build', 'e2e', NAME, 'engines', 'metrics.jsonl');
  let requests = [];
  const deadline = Date.now() + 10_000;   // the runtime's output reaches the harness through a pipe
  while (Date.now() < deadline && !requests.some((line) => line.route === 'POST /cart' && line.customer === hash)) {
    requests = bookstore.output().split('\n').filter((line) => line.startsWith('{"time"'))
      .map((line) => JSON.parse(line)).filter((line) => line.source === 'api');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const mine = requests.filter((line) => line.customer === hash);
  assert.deepEqual(mine.map((line) => [line.route, line.status]).slice(-2), [['GET /cart', 200], ['POST /cart', 200]]);
  assert.ok(requests.every((line) => ['time', 'level', 'requestId', 'region', 'role', 'durationMs', 'coldStart', 'route', 'status']
    .every((field) => field in line)), 'every request line has the documented fields');
  const metrics = readFileSync(metricsFile, 'utf8');
  assert.match(metrics, /"CartOperations":1\.0/);
  for (const [where, text] of [['the runtime output', bookstore.output()], ['the metric lines', metrics]]) {
    assert.ok(!text.includes(sub), `${where} name the customer ${sub}`);
    assert.ok(!text.includes(token.split('.')[2]), `${where} hold the token`);
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(text), `${where} hold something shaped like a JWT`);
  }
});
