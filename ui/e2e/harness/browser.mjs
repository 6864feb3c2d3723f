import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { artifactsDir } from './paths.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's Chromium in a container: no sandbox, no GPU, and nothing that phones home; shared memory in
// /tmp, because containers (CodeBuild's among them) often give /dev/shm 64 MB, where renderers crash.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Headless Chromium with a fresh profile, and a page whose `shot(step)` keeps a numbered screenshot
 * of each step in build/e2e/<name>/.
 */
export async function openBrowser(name) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bookstore-e2e-profile-'));
  const shots = path.join(artifactsDir, name);
  mkdirSync(shots, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  let step = 0;
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    page,
    context,
    consoleErrors,
    async shot(label) {
      step += 1;
      const file = path.join(shots, `${String(step).padStart(2, '0')}-${label}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
