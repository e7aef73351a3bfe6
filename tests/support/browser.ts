/**
 * Debian's Chromium through playwright-core, for the browser tests. Nothing is
 * downloaded: if Chromium is missing the tests fail with how to install it.
 * One launch per test file; pages and contexts are cheap. Chromium's requests
 * for other machines (its own background services) go to a guard that refuses
 * them, so no test sends anything off the machine; the pages' own requests are
 * watched by the tests themselves.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, guardFlag, startGuard } from '../../scripts/lib/chromium.ts';

export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `The browser tests need Chromium at ${executablePath}, and it is not there.\n` +
        "Install Debian's package:  sudo apt-get update && sudo apt-get install -y chromium\n" +
        '(or set CHROMIUM_PATH to another Chromium or Chrome binary). Tests never download a browser.',
    );
  }
  const guard = await startGuard();
  // A raw flag, not Playwright's `proxy` option: that one sends loopback through the proxy too.
  const browser = await chromium
    .launch({ executablePath, args: [...CHROMIUM_FLAGS, guardFlag(guard.port)], headless: true })
    .catch((error) => {
      guard.server.close();
      throw error;
    });
  browser.on('disconnected', () => {
    guard.server.close();
    guard.server.closeAllConnections();
  });
  return browser;
}

/**
 * The search page's status line once a search has finished: it stays empty
 * until then. Returns whatever it says after `timeout` ms, so a failing test
 * shows the message (for example "Search is not available right now").
 */
export async function searchStatus(page: Page, timeout = 15_000): Promise<string> {
  const status = page.locator('[data-search-status]');
  await status
    .filter({ hasText: /\S/ })
    .waitFor({ timeout })
    .catch(() => undefined);
  return (await status.innerText()).trim();
}
