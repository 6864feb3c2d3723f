// The storefront under its Content-Security-Policy (docs/security.md#sessions-and-csp): the local gateway
// sends the policy CloudFront sends, the browser enforces it, and a journey through the shop raises no
// violation. Sign-out revokes the refresh token at (the local) Cognito, so a copy of it stops working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openBrowser } from '../harness/browser.mjs';
import { startLocalBookstore } from '../harness/localBookstore.mjs';

const NAME = 'content-security-policy';
const DEMO = { email: 'demo@bookstore.local', password: 'Demo-passw0rd!' };
const SESSION_KEY = 'bookstore.session';

let bookstore;

before(async () => {
  bookstore = await startLocalBookstore(NAME);
});

after(async () => {
  await bookstore?.stop();
});

/** Collects the page's CSP violations (the event fires on the document for each blocked load or inline use). */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
}

async function cognito(operation, body) {
  const response = await fetch(`${bookstore.url}/cognito/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

test('every page is served with the policy and the shop runs under it without a violation', async () => {
  const browser = await openBrowser(NAME);
  try {
    const { page } = browser;
    await page.addInitScript(recordViolations);
    const policies = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') policies.push(response.headers()['content-security-policy']);
    });
    const violations = [];
    const look = async (where) => {
      for (const violation of await page.evaluate(() => window.__cspViolations)) violations.push(`${where}: ${violation}`);
    };

    await page.goto(`${bookstore.url}/`);
    await page.getByTestId('category-list').waitFor();
    await look('home');
    await page.goto(`${bookstore.url}/category/cookbooks`);
    await page.getByTestId('book-list').locator('li').first().waitFor();
    await page.getByTestId('book-list').locator('img').first().waitFor();
    await look('category');
    await page.goto(`${bookstore.url}/blog`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await look('blog');
    await page.goto(`${bookstore.url}/signin`);
    await page.getByTestId('sign-in-email').fill(DEMO.email);
    await page.getByTestId('sign-in-password').fill(DEMO.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
    await look('signed in');
    await page.goto(`${bookstore.url}/orders`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await look('orders');

    assert.ok(policies.length >= 5, `documents loaded: ${policies.length}`);
    for (const policy of policies) {
      assert.match(policy ?? '', /script-src 'self';/, 'each page carries the policy');
      assert.doesNotMatch(policy ?? '', /unsafe-inline|unsafe-eval/);
    }
    assert.match(policies[0], /style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/, 'the build inlines its first-paint CSS');
    assert.deepEqual(violations, []);
    // The policy is enforced, not only sent: an inline script is refused.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return window.__inlineRan === true;
    });
    assert.equal(ran, false, 'an inline script must not run');
    assert.ok((await page.evaluate(() => window.__cspViolations)).some((v) => v.startsWith('script-src')));
  } finally {
    await browser.close();
  }
});

test('sign-out revokes the refresh token: a copy taken before no longer refreshes', async () => {
  const browser = await openBrowser(`${NAME}-sign-out`);
  try {
    const { page } = browser;
    await page.goto(`${bookstore.url}/signin`);
    await page.getByTestId('sign-in-email').fill(DEMO.email);
    await page.getByTestId('sign-in-password').fill(DEMO.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
    const stolen = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY));
    const config = await (await fetch(`${bookstore.url}/config.json`)).json();
    const refresh = () => cognito('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config.cognito.clientId, AuthParameters: { REFRESH_TOKEN: stolen.refreshToken },
    });
    assert.equal((await refresh()).status, 200, 'the copy works while the shopper is signed in');

    const revoked = page.waitForResponse((response) =>
      response.request().headers()['x-amz-target'] === 'AWSCognitoIdentityProviderService.RevokeToken');
    await page.getByTestId('sign-out').click();
    assert.equal((await revoked).status(), 200);
    await page.getByTestId('nav-sign-in').waitFor();

    const after = await refresh();
    assert.equal(after.status, 400);
    assert.equal(after.body.__type, 'NotAuthorizedException');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY), null);
  } finally {
    await browser.close();
  }
});
