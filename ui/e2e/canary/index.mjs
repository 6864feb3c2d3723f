// The entry point of each region's CloudWatch Synthetics canary (handler "canary/index.handler", runtime
// syn-nodejs-playwright; docs/observability.md#canaries). It runs the local suite's read-only journey
// (../journeys/readOnlyJourney.mjs, packed byte for byte beside it) against this region's own endpoints.
// The runtime provides @aws/synthetics-playwright (the namespace since syn-nodejs-playwright-5.1; launch, getPage,
// executeStep and close as in the Playwright samples of the CloudWatch user guide, "Sample code for canary scripts").
import { synthetics } from '@aws/synthetics-playwright';
import { readOnlyJourney } from '../journeys/readOnlyJourney.mjs';

/** The canary's run_config environment, set by the ShopperCanary component. */
function setting(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export async function handler() {
  try {
    const browser = await synthetics.launch();
    const context = await browser.newContext();
    const page = await synthetics.getPage(context);
    await readOnlyJourney({
      page,
      storefrontUrl: setting('STOREFRONT_URL'),
      apiUrl: setting('API_URL'),
      region: setting('EXPECTED_REGION'),
      step: (name, body) => synthetics.executeStep(name, body),
    });
  } finally {
    await synthetics.close();
  }
}
